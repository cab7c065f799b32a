import numpy as np


def squared_distances(X: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """(N, K) squared Euclidean distances, from the differences (never negative)."""
    diff = X[:, None, :] - centres[None, :, :]
    return (diff**2).sum(axis=-1)


def kmeans_pp_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    n = X.shape[0]
    chosen = [int(rng.integers(n))]
    # d2[i]: squared distance from point i to its nearest centre chosen so far.
    d2 = squared_distances(X, X[chosen[0]][None, :])[:, 0]
    for _ in range(1, k):
        # D^2 weighting: far-away points are likely picks, chosen points (d2 = 0) never recur.
        idx = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(idx)
        d2 = np.minimum(d2, squared_distances(X, X[idx][None, :])[:, 0])
    return X[chosen].astype(np.float64)


def assign(X: np.ndarray, centres: np.ndarray) -> np.ndarray:
    # argmin returns the first minimum, which is the tie rule the task fixes.
    return squared_distances(X, centres).argmin(axis=1).astype(np.int64)


def kmeans(
    X: np.ndarray, k: int, rng: np.random.Generator, n_iter: int = 100, tol: float = 1e-8
) -> tuple[np.ndarray, np.ndarray]:
    centres = kmeans_pp_init(X, k, rng)
    for _ in range(n_iter):
        labels = assign(X, centres)
        new = centres.copy()
        for j in range(k):
            members = labels == j
            if members.any():  # an empty cluster keeps its previous centre
                new[j] = X[members].mean(axis=0)
        shift = np.abs(new - centres).max()
        centres = new
        if shift <= tol:
            break
    # The labels returned must belong to the centres returned, so assign once more.
    return centres, assign(X, centres)
