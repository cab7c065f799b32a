from typing import Any

import numpy as np


def batchnorm_forward(
    x: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    running_mean: np.ndarray,
    running_var: np.ndarray,
    training: bool,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> tuple[np.ndarray, Any]:
    C = x.shape[1]
    # Statistics are per channel (axis 1), over the batch and any length axis.
    axes = (0,) + tuple(range(2, x.ndim))
    shape = (1, C) + (1,) * (x.ndim - 2)  # broadcastable per-channel shape

    if training:
        m = x.size // C
        mu = x.mean(axis=axes, keepdims=True)
        xc = x - mu
        var = (xc * xc).mean(axis=axes, keepdims=True)  # biased: used to normalise
        # In place, so the caller's arrays see the update. The running variance
        # estimates the population variance, hence the unbiased m / (m - 1).
        running_mean[:] = (1 - momentum) * running_mean + momentum * mu.reshape(C)
        running_var[:] = (1 - momentum) * running_var + momentum * var.reshape(C) * m / (m - 1)
    else:
        # Eval: the running statistics are fixed constants.
        xc = x - running_mean.reshape(shape)
        var = running_var.reshape(shape)
    rstd = 1.0 / np.sqrt(var + eps)
    xhat = xc * rstd
    y = gamma.reshape(shape) * xhat + beta.reshape(shape)
    return y.astype(x.dtype, copy=False), (xhat, rstd, gamma.reshape(shape), axes, training)


def batchnorm_backward(dy: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xhat, rstd, gamma, axes, training = cache
    dbeta = dy.sum(axis=axes)
    dgamma = (dy * xhat).sum(axis=axes)
    g = dy * gamma
    if training:
        # mu and var depend on every x of the channel, which adds the two mean
        # terms: dx = rstd * (g - mean(g) - xhat * mean(g * xhat)).
        dx = rstd * (g - g.mean(axis=axes, keepdims=True)
                     - xhat * (g * xhat).mean(axis=axes, keepdims=True))
    else:
        # Eval mode is an affine map with constant statistics.
        dx = g * rstd
    return dx.astype(dy.dtype, copy=False), dgamma, dbeta
