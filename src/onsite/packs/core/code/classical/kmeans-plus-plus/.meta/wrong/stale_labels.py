"""Returns the labels from before the last centre update, so they lag the centres."""
import numpy as np


def kmeans_pp_init(X, k, rng):
    n = len(X)
    idx = [int(rng.integers(n))]
    d2 = ((X - X[idx[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        j = int(rng.choice(n, p=d2 / d2.sum()))
        idx.append(j)
        d2 = np.minimum(d2, ((X - X[j]) ** 2).sum(axis=1))
    return X[idx].astype(np.float64)


def kmeans(X, k, rng, n_iter=100, tol=1e-8):
    centres = kmeans_pp_init(X, k, rng)
    for _ in range(n_iter):
        labels = ((X[:, None, :] - centres[None, :, :]) ** 2).sum(axis=-1).argmin(axis=1)
        new = centres.copy()
        for j in range(k):
            if np.any(labels == j):
                new[j] = X[labels == j].mean(axis=0)
        moved = np.abs(new - centres).max()
        centres = new
        if moved <= tol:
            break
    return centres, labels
