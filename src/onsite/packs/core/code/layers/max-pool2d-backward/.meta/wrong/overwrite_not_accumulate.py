"""Assigns into dx instead of adding, losing gradient where windows overlap."""
from typing import Any

import numpy as np


def maxpool2d_forward(
    x: np.ndarray, kernel: int, stride: int | None = None
) -> tuple[np.ndarray, Any]:
    s = kernel if stride is None else stride
    B, C, H, W = x.shape
    H_out, W_out = (H - kernel) // s + 1, (W - kernel) // s + 1

    def tap(u: int, v: int) -> np.ndarray:
        # Offset (u, v) of every window at once: a strided slice, (B, C, H_out, W_out).
        return x[:, :, u:u + s * H_out:s, v:v + s * W_out:s]

    # Start from the first offset, never from 0: the inputs may all be negative.
    best = tap(0, 0).copy()
    arg = np.zeros(best.shape, dtype=np.int64)  # winning offset index u*K + v
    for u in range(kernel):
        for v in range(kernel):
            cand = tap(u, v)
            # Strictly greater: on a tie the earlier offset (row-major) keeps the win.
            better = cand > best
            best = np.where(better, cand, best)
            arg = np.where(better, u * kernel + v, arg)
    return best, (x.shape, kernel, s, arg)


def maxpool2d_backward(dy: np.ndarray, cache: Any) -> np.ndarray:
    x_shape, kernel, s, arg = cache
    H_out, W_out = arg.shape[2:]
    dx = np.zeros(x_shape, dtype=dy.dtype)
    # Each output is a copy of one input element, so its gradient goes there
    # and nowhere else. With overlapping windows an element may win several
    # windows: the contributions add up, hence +=.
    for u in range(kernel):
        for v in range(kernel):
            won = arg == u * kernel + v
            sl = (slice(None), slice(None), slice(u, u + s * H_out, s), slice(v, v + s * W_out, s))
            dx[sl] = np.where(won, dy, dx[sl])
    return dx
