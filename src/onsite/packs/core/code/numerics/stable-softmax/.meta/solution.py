import numpy as np


def _shifted(x: np.ndarray, axis: int, temperature: float) -> np.ndarray:
    # Dividing by a Python float keeps the array's dtype (float32 stays float32).
    z = x / temperature
    # Subtracting the slice maximum changes nothing mathematically and makes every
    # exponent <= 0. Each slice has a finite entry, so the max is finite and -inf
    # entries stay -inf (never -inf - -inf = nan).
    return z - z.max(axis=axis, keepdims=True)


def softmax(x: np.ndarray, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    e = np.exp(_shifted(x, axis, temperature))
    # The largest term is exp(0) = 1, so the denominator is at least 1.
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x: np.ndarray, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    s = _shifted(x, axis, temperature)
    # log of a sum >= 1 is >= 0 and finite; s itself carries the large negative values,
    # so a gap of 1000 gives -1000, not log(0) = -inf.
    return s - np.log(np.exp(s).sum(axis=axis, keepdims=True))
