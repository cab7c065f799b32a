"""Perturbs x in place and never restores it: later entries see a shifted point, x is corrupted."""
import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros_like(x, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        x[idx] += eps
        fp = float(f(x))
        x[idx] -= 2 * eps
        fm = float(f(x))
        grad[idx] = (fp - fm) / (2 * eps)
    return grad


def relative_error(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float((np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)).max()) if a.size else 0.0


def gradient_check(f, grad_f, x, eps=1e-6, tol=1e-6):
    analytic = grad_f(np.array(x, dtype=float))
    err = relative_error(analytic, numerical_gradient(f, x, eps))
    return err < tol, err
