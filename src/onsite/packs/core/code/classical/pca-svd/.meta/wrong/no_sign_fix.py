"""Leaves the signs as LAPACK returns them, so the first entry of a row may be the largest negative one."""
import numpy as np


def pca_fit(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = X.shape[0]
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    components = Vt[:k].copy()
    power = s ** 2
    explained_variance = power[:k] / (n - 1)
    explained_variance_ratio = power[:k] / power.sum()
    return mean, components, explained_variance, explained_variance_ratio


def pca_transform(X: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    return (X - mean) @ components.T


def pca_inverse_transform(Z: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    return Z @ components + mean
