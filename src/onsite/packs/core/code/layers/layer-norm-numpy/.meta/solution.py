from typing import Any

import numpy as np


def layer_norm_forward(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5
) -> tuple[np.ndarray, Any]:
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    # Two-pass variance: subtract the mean before squaring, so a large common
    # offset cancels exactly instead of being squared and then subtracted.
    var = (xc * xc).mean(axis=-1, keepdims=True)  # biased (divide by D)
    rstd = 1.0 / np.sqrt(var + eps)
    xhat = xc * rstd
    y = gamma * xhat + beta
    return y, (xhat, rstd, gamma)


def layer_norm_backward(
    dy: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xhat, rstd, gamma = cache
    # gamma and beta are shared by every row, so their gradients sum over all
    # leading axes, whatever their number.
    batch_axes = tuple(range(dy.ndim - 1))
    dbeta = dy.sum(axis=batch_axes)
    dgamma = (dy * xhat).sum(axis=batch_axes)

    # xhat depends on x through the mean and the variance as well as directly:
    # dx = rstd * (g - mean(g) - xhat * mean(g * xhat)), with g = dy * gamma.
    g = dy * gamma
    dx = rstd * (
        g
        - g.mean(axis=-1, keepdims=True)
        - xhat * (g * xhat).mean(axis=-1, keepdims=True)
    )
    return dx, dgamma, dbeta
