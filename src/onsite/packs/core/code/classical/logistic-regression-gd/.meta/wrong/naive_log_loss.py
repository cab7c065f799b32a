"""Computes the loss as -y log p - (1-y) log(1-p): inf/nan once sigmoid saturates."""
import numpy as np


def predict_proba(X, w, b):
    return 1.0 / (1.0 + np.exp(-(X @ w + b)))


def logistic_regression_gd(X, y, lr, steps, l2=0.0):
    y = y.astype(float)
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    losses = []
    with np.errstate(all="ignore"):
        for _ in range(steps):
            p = predict_proba(X, w, b)
            losses.append(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)) + 0.5 * l2 * w @ w)
            r = p - y
            w, b = w - lr * (X.T @ r / n + l2 * w), b - lr * r.mean()
    return w, float(b), np.array(losses)
