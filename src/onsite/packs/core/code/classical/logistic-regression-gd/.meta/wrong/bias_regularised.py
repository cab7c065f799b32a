"""Applies the L2 penalty (loss and gradient) to the bias as well as the weights."""
import numpy as np


def predict_proba(X, w, b):
    return np.exp(-np.logaddexp(0.0, -(X @ w + b)))


def logistic_regression_gd(X, y, lr, steps, l2=0.0):
    y = y.astype(float)
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    losses = []
    for _ in range(steps):
        z = X @ w + b
        losses.append(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * (w @ w + b * b))
        r = predict_proba(X, w, b) - y
        w, b = w - lr * (X.T @ r / n + l2 * w), b - lr * (r.mean() + l2 * b)
    return w, float(b), np.array(losses)
