"""Uses the misclassification rate 1 - max p in place of the Gini index."""
import math

import numpy as np

TIE = 1e-12


def impurity(y: np.ndarray, criterion: str = "gini") -> float:
    if len(y) == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / len(y)
    if criterion == "gini":
        return float(1.0 - np.max(p))
    if criterion == "entropy":
        return float(-np.sum(p * np.log2(p)))
    raise ValueError(f"unknown criterion {criterion!r}")


def best_split(X: np.ndarray, y: np.ndarray, criterion: str = "gini") -> tuple[int, float, float]:
    n = len(y)
    parent = impurity(y, criterion)
    best = (-1, math.nan, 0.0)
    best_gain = -math.inf
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            n_left = int(left.sum())
            gain = (parent - n_left / n * impurity(y[left], criterion)
                    - (n - n_left) / n * impurity(y[~left], criterion))
            if gain > best_gain + TIE:
                best_gain = gain
                best = (j, float(t), float(gain))
    return best
