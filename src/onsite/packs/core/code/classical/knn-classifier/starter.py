import numpy as np


def knn_neighbors(X_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """(M, k) training indices, nearest first; equal distances in order of index."""
    raise NotImplementedError("pairwise squared distances, then a stable argsort along each row")


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """(M,) majority label of the k neighbours; equal vote counts go to the smallest label."""
    raise NotImplementedError("count the neighbours' labels; the smallest label among the most frequent")
