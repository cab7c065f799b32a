import numpy as np


def knn_neighbors(X_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    # (M, N) squared distances; the square root would not change the ranking.
    diff = X_test[:, None, :] - X_train[None, :, :]
    d2 = np.einsum("mnd,mnd->mn", diff, diff)
    # A stable sort keeps equal distances in order of training index: the lower index first.
    return np.argsort(d2, axis=1, kind="stable")[:, :k].astype(np.int64)


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    neighbours = knn_neighbors(X_train, X_test, k)
    out = np.empty(len(X_test), dtype=np.int64)
    for m, row in enumerate(neighbours):
        # np.unique returns the labels sorted; argmax takes the first of the tied maxima,
        # i.e. the smallest label among those with the most votes.
        labels, counts = np.unique(y_train[row], return_counts=True)
        out[m] = labels[np.argmax(counts)]
    return out
