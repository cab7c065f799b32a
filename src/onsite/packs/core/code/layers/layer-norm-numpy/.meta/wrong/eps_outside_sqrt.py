"""Adds eps to the standard deviation, (x - mu) / (sqrt(var) + eps), not inside the sqrt."""
import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    std = np.sqrt((xc * xc).mean(axis=-1, keepdims=True))
    xhat = xc / (std + eps)
    return gamma * xhat + beta, (xc, std, eps, gamma)


def layer_norm_backward(dy, cache):
    xc, std, eps, gamma = cache
    D = xc.shape[-1]
    axes = tuple(range(dy.ndim - 1))
    xhat = xc / (std + eps)
    g = dy * gamma
    # d/dx of xc / (std + eps), with d std / d xc = xc / (D * std).
    safe_std = np.where(std > 0, std, 1.0)
    dstd = -(g * xc).sum(axis=-1, keepdims=True) / (std + eps) ** 2
    dxc = g / (std + eps) + dstd * xc / (D * safe_std)
    dx = dxc - dxc.mean(axis=-1, keepdims=True)
    return dx, (dy * xhat).sum(axis=axes), dy.sum(axis=axes)
