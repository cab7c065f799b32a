"""Solves ridge on the raw data without any intercept and returns b = 0."""
import numpy as np


def ridge_fit(X, y, lam):
    w = np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)
    return w, 0.0


def ridge_predict(X, w, b):
    return X @ w + b
