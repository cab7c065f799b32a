from collections.abc import Callable

import numpy as np


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    # Work on a private float64 copy: the caller's x is never touched, and perturbing a
    # single entry of the copy leaves the others exactly as they were.
    point = np.array(x, dtype=np.float64, copy=True)
    grad = np.zeros_like(point)
    for idx in np.ndindex(point.shape):  # every entry, C order, 0-d arrays included
        old = point[idx]
        point[idx] = old + eps
        f_plus = float(f(point))
        point[idx] = old - eps
        f_minus = float(f(point))
        point[idx] = old  # restore before the next entry
        # Central difference: the O(eps) terms of the two Taylor expansions cancel.
        grad[idx] = (f_plus - f_minus) / (2.0 * eps)
    return grad


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0:
        return 0.0
    # Scale-free per entry, bounded by 1; the floor makes two exact zeros compare as 0.
    ratio = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)
    return float(ratio.max())


def gradient_check(f, grad_f, x: np.ndarray, eps: float = 1e-6, tol: float = 1e-6) -> tuple[bool, float]:
    analytic = np.asarray(grad_f(np.array(x, dtype=np.float64, copy=True)), dtype=np.float64)
    err = relative_error(analytic, numerical_gradient(f, x, eps))
    return bool(err < tol), err
