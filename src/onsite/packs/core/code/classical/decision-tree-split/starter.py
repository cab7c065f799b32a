import numpy as np


def impurity(y: np.ndarray, criterion: str = "gini") -> float:
    """Gini 1 - sum p^2, or entropy -sum p log2 p (bits); 0.0 when y is empty."""
    raise NotImplementedError("class frequencies, then the formula")


def best_split(X: np.ndarray, y: np.ndarray, criterion: str = "gini") -> tuple[int, float, float]:
    """(feature, midpoint threshold, gain); ties within 1e-12 -> smallest feature, then threshold."""
    raise NotImplementedError("for each feature and midpoint: weighted impurity decrease; keep the best")
