"""Sends the gradient to every element equal to the window maximum, not just the first."""
import numpy as np


def maxpool2d_forward(x, kernel, stride=None):
    s = kernel if stride is None else stride
    B, C, H, W = x.shape
    H_out, W_out = (H - kernel) // s + 1, (W - kernel) // s + 1
    y = np.full((B, C, H_out, W_out), -np.inf, dtype=x.dtype)
    for u in range(kernel):
        for v in range(kernel):
            y = np.maximum(y, x[:, :, u:u + s * H_out:s, v:v + s * W_out:s])
    return y, (x, y, kernel, s)


def maxpool2d_backward(dy, cache):
    x, y, kernel, s = cache
    H_out, W_out = y.shape[2:]
    dx = np.zeros_like(x)
    for u in range(kernel):
        for v in range(kernel):
            window = x[:, :, u:u + s * H_out:s, v:v + s * W_out:s]
            dx[:, :, u:u + s * H_out:s, v:v + s * W_out:s] += np.where(window == y, dy, 0)
    return dx
