"""Divides by |a| only (and takes the mean): not symmetric, blows up where a is 0."""
import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    point = np.array(x, dtype=np.float64, copy=True)
    grad = np.zeros_like(point)
    for idx in np.ndindex(point.shape):
        old = point[idx]
        point[idx] = old + eps
        fp = float(f(point))
        point[idx] = old - eps
        fm = float(f(point))
        point[idx] = old
        grad[idx] = (fp - fm) / (2 * eps)
    return grad


def relative_error(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.mean(np.abs(a - b) / np.maximum(np.abs(a), 1e-12))) if a.size else 0.0


def gradient_check(f, grad_f, x, eps=1e-6, tol=1e-6):
    err = relative_error(grad_f(np.array(x, dtype=float)), numerical_gradient(f, x, eps))
    return err < tol, err
