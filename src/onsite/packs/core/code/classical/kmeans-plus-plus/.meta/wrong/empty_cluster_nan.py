"""Takes the mean of an empty cluster, so its centre becomes NaN instead of staying put."""
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


def assign(X, centres):
    d2 = ((X[:, None, :] - centres[None, :, :]) ** 2).sum(axis=-1)
    return d2.argmin(axis=1)


def kmeans(X, k, rng, n_iter=100, tol=1e-8):
    centres = kmeans_pp_init(X, k, rng)
    for _ in range(n_iter):
        labels = assign(X, centres)
        with np.errstate(invalid="ignore", divide="ignore"):
            new = np.stack([X[labels == j].mean(axis=0) for j in range(k)])
        moved = np.abs(new - centres).max()
        centres = new
        if moved <= tol:
            break
    return centres, assign(X, centres)
