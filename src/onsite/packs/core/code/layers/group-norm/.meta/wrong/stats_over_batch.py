"""Pools the group statistics over the whole batch (batch-norm style) instead of per sample."""
import torch
from torch import Tensor


def group_norm(
    x: Tensor, num_groups: int, weight: Tensor | None = None, bias: Tensor | None = None, eps: float = 1e-5
) -> Tensor:
    N, C = x.shape[:2]
    # Contiguous channel groups: one row per (sample, group) with all its channels and positions.
    xg = x.reshape(N, num_groups, -1)
    mean = xg.mean(dim=(0, 2), keepdim=True)
    centred = xg - mean
    # Variance from centred values: E[x^2] - E[x]^2 cancels catastrophically under a large offset.
    var = (centred * centred).mean(dim=(0, 2), keepdim=True)
    y = (centred / torch.sqrt(var + eps)).reshape(x.shape)
    channel_shape = (1, C) + (1,) * (x.dim() - 2)                     # broadcast along the channel axis
    if weight is not None:
        y = y * weight.reshape(channel_shape)
    if bias is not None:
        y = y + bias.reshape(channel_shape)
    return y
