import numpy as np


def pca_fit(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = X.shape[0]
    mean = X.mean(axis=0)
    # Principal directions are those of the centred cloud: without centring, the first
    # "component" mostly points at the mean.
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)  # s is sorted, largest first
    components = Vt[:k].copy()
    # Singular vectors are defined up to sign; make each row's largest-|value| entry positive
    # (np.argmax returns the first of tied maxima) so results do not depend on LAPACK.
    pivots = np.argmax(np.abs(components), axis=1)
    components *= np.sign(components[np.arange(k), pivots])[:, None]
    power = s ** 2
    explained_variance = power[:k] / (n - 1)  # unbiased sample variance along each direction
    explained_variance_ratio = power[:k] / power.sum()  # share of the total, all directions
    return mean, components, explained_variance, explained_variance_ratio


def pca_transform(X: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    return (X - mean) @ components.T


def pca_inverse_transform(Z: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    return Z @ components + mean
