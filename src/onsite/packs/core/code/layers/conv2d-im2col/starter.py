from typing import Any

import numpy as np


def im2col(x: np.ndarray, kh: int, kw: int, stride: int = 1, padding: int = 0) -> np.ndarray:
    """(B, C, H, W) -> (B, C*kh*kw, H_out*W_out); row (c, u, v), column (i, j) row-major."""
    raise NotImplementedError("pad, then copy one strided slice per filter tap (u, v)")


def col2im(
    cols: np.ndarray, x_shape: tuple, kh: int, kw: int, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """The adjoint of im2col: add every column entry back onto its pixel; drop the padding."""
    raise NotImplementedError("accumulate (+=) into a padded zero image, then crop")


def conv2d_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> tuple[np.ndarray, Any]:
    """y = w.reshape(F, -1) @ im2col(x) + b, reshaped to (B, F, H_out, W_out)."""
    raise NotImplementedError("im2col, one matmul, add the bias, reshape")


def conv2d_backward(dy: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (dx, dw, db) for the forward that produced cache."""
    raise NotImplementedError("db: sum; dw: dY @ cols^T over the batch; dx: col2im(W^T @ dY)")
