"""Adds lam to every entry of the Gram matrix (lam * ones) instead of to its diagonal."""
import numpy as np


def ridge_fit(X, y, lam):
    Xc = X - X.mean(0)
    d = X.shape[1]
    w = np.linalg.solve(Xc.T @ Xc + lam * np.ones((d, d)) + 1e-12 * np.eye(d), Xc.T @ (y - y.mean()))
    return w, float(y.mean() - X.mean(0) @ w)


def ridge_predict(X, w, b):
    return X @ w + b
