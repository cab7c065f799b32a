"""Perturbs every entry at once: a directional derivative copied into each entry, not a gradient."""
import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    x = np.array(x, dtype=np.float64)
    d = (float(f(x + eps)) - float(f(x - eps))) / (2 * eps)
    return np.full_like(x, d)


def relative_error(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float((np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)).max()) if a.size else 0.0


def gradient_check(f, grad_f, x, eps=1e-6, tol=1e-6):
    err = relative_error(grad_f(np.array(x, dtype=float)), numerical_gradient(f, x, eps))
    return err < tol, err
