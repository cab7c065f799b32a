"""Uses the one-sided difference (f(x + eps) - f(x)) / eps: O(eps) error instead of O(eps^2)."""
import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    point = np.array(x, dtype=np.float64, copy=True)
    grad = np.zeros_like(point)
    f0 = float(f(point))
    for idx in np.ndindex(point.shape):
        old = point[idx]
        point[idx] = old + eps
        grad[idx] = (float(f(point)) - f0) / eps
        point[idx] = old
    return grad


def relative_error(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float((np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)).max()) if a.size else 0.0


def gradient_check(f, grad_f, x, eps=1e-6, tol=1e-6):
    err = relative_error(grad_f(np.array(x, dtype=float)), numerical_gradient(f, x, eps))
    return err < tol, err
