"""Votes over label positions in the training order, so vote ties go to the earliest-seen label."""
import numpy as np


def knn_neighbors(X_train, X_test, k):
    d2 = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(-1)
    return np.argsort(d2, axis=1, kind="stable")[:, :k]


def knn_predict(X_train, y_train, X_test, k):
    _, first = np.unique(y_train, return_index=True)
    order = y_train[np.sort(first)]  # labels in order of first appearance
    out = []
    for row in knn_neighbors(X_train, X_test, k):
        counts = np.array([np.sum(y_train[row] == c) for c in order])
        out.append(order[np.argmax(counts)])
    return np.array(out)
