"""Centres the data for w but sets b = mean(y), forgetting the - mean(x) . w term."""
import numpy as np


def ridge_fit(X, y, lam):
    Xc = X - X.mean(0)
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ (y - y.mean()))
    return w, float(y.mean())


def ridge_predict(X, w, b):
    return X @ w + b
