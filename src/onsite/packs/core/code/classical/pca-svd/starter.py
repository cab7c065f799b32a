import numpy as np


def pca_fit(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return (mean (D,), components (k, D), explained_variance (k,), explained_variance_ratio (k,))."""
    raise NotImplementedError("centre, SVD, keep k rows of Vt, fix their signs, variances s^2 / (N - 1)")


def pca_transform(X: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    """Coordinates of the rows of X along the components, shape (M, k)."""
    raise NotImplementedError("centre with the fitted mean, then project")


def pca_inverse_transform(Z: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    """Back to the original space, shape (M, D)."""
    raise NotImplementedError("combine the components with the coordinates, add the mean back")
