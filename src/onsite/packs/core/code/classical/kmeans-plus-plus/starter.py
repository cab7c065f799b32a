import numpy as np


def kmeans_pp_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Pick k rows of X (N, D) as seeds with D^2 weighting; returns (k, D) float64."""
    raise NotImplementedError("first seed rng.integers(N), then rng.choice(N, p=d2 / d2.sum())")


def kmeans(
    X: np.ndarray, k: int, rng: np.random.Generator, n_iter: int = 100, tol: float = 1e-8
) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's algorithm from k-means++ seeds; returns (centres (k, D), labels (N,) int64)."""
    raise NotImplementedError("seed, then alternate assignment and mean updates")
