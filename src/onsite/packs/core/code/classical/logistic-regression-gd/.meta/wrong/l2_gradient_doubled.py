"""Uses 2 * l2 * w as the penalty gradient while the loss says (l2 / 2) |w|^2."""
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
        losses.append(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * w @ w)
        r = predict_proba(X, w, b) - y
        w, b = w - lr * (X.T @ r / n + 2 * l2 * w), b - lr * r.mean()
    return w, float(b), np.array(losses)
