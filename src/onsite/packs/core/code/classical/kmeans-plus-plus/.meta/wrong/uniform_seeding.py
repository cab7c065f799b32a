"""Picks every seed uniformly at random (rng.choice(N)) instead of with D^2 weights."""
import numpy as np


def kmeans_pp_init(X, k, rng):
    n = len(X)
    idx = [int(rng.integers(n))]
    for _ in range(1, k):
        idx.append(int(rng.choice(n)))
    return X[idx].astype(np.float64)


def assign(X, centres):
    d2 = ((X[:, None, :] - centres[None, :, :]) ** 2).sum(axis=-1)
    return d2.argmin(axis=1)


def kmeans(X, k, rng, n_iter=100, tol=1e-8):
    centres = kmeans_pp_init(X, k, rng)
    for _ in range(n_iter):
        labels = assign(X, centres)
        new = centres.copy()
        for j in range(k):
            if np.any(labels == j):
                new[j] = X[labels == j].mean(axis=0)
        moved = np.abs(new - centres).max()
        centres = new
        if moved <= tol:
            break
    return centres, assign(X, centres)

