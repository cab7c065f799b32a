from collections.abc import Callable

import numpy as np


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central differences, one entry at a time; x holds its original values afterwards."""
    raise NotImplementedError("for each index: f(x + eps e_i) - f(x - eps e_i), over 2 eps")


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """max_i |a_i - b_i| / max(|a_i| + |b_i|, 1e-12), as a Python float."""
    raise NotImplementedError("elementwise ratio, then the maximum")


def gradient_check(f, grad_f, x: np.ndarray, eps: float = 1e-6, tol: float = 1e-6) -> tuple[bool, float]:
    """(err < tol, err) comparing grad_f(x) with numerical_gradient(f, x, eps)."""
    raise NotImplementedError("combine the two functions above")
