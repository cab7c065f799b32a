"""Uses np.argpartition: the right k neighbours (up to ties) but in no particular order."""
import numpy as np


def knn_neighbors(X_train, X_test, k):
    d2 = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(-1)
    if k == X_train.shape[0]:
        return np.tile(np.arange(k), (len(X_test), 1))
    return np.argpartition(d2, k - 1, axis=1)[:, :k]


def knn_predict(X_train, y_train, X_test, k):
    out = []
    for row in knn_neighbors(X_train, X_test, k):
        labels, counts = np.unique(y_train[row], return_counts=True)
        out.append(labels[np.argmax(counts)])
    return np.array(out)
