"""Rotates the values as well as the queries and keys."""
import math

import torch


def apply_rope(x, offset=0, base=10000.0):
    T, D = x.shape[-2], x.shape[-1]
    pos = torch.arange(offset, offset + T, dtype=torch.float64)
    theta = base ** (-2.0 * torch.arange(D // 2, dtype=torch.float64) / D)
    angles = pos[:, None] * theta[None, :]
    cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)
    x1, x2 = x[..., : D // 2], x[..., D // 2:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


def rope_attention(q, k, v):
    L, S, D = q.shape[-2], k.shape[-2], q.shape[-1]
    q, k, v = apply_rope(q, offset=S - L), apply_rope(k), apply_rope(v)
    scores = q @ k.transpose(-2, -1) / math.sqrt(D)
    visible = torch.ones(L, S, dtype=torch.bool).tril(diagonal=S - L)
    return torch.softmax(scores.masked_fill(~visible, float("-inf")), dim=-1) @ v
