"""Appends a column of ones and penalises it with the weights: the intercept is shrunk too."""
import numpy as np


def ridge_fit(X, y, lam):
    A = np.column_stack([X, np.ones(len(X))])
    theta = np.linalg.solve(A.T @ A + lam * np.eye(A.shape[1]), A.T @ y)
    return theta[:-1], float(theta[-1])


def ridge_predict(X, w, b):
    return X @ w + b
