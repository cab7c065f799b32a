import math

import torch
from torch import Tensor


def apply_rope(x: Tensor, offset: int = 0, base: float = 10000.0) -> Tensor:
    T, D = x.shape[-2], x.shape[-1]
    half = D // 2
    # Angles in float64: positions times frequencies lose digits in float32 far out.
    pos = torch.arange(offset, offset + T, dtype=torch.float64)
    theta = base ** (-2.0 * torch.arange(half, dtype=torch.float64) / D)  # pair i turns at theta_i
    angles = pos[:, None] * theta[None, :]  # (T, D/2)
    cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)
    # Half-split layout: feature i pairs with feature i + D/2.
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


def rope_attention(q: Tensor, k: Tensor, v: Tensor) -> Tensor:
    L, S, D = q.shape[-2], k.shape[-2], q.shape[-1]
    # The queries are the newest L tokens of an S-token context.
    q = apply_rope(q, offset=S - L)
    k = apply_rope(k, offset=0)
    # Values carry content, not position: they are not rotated.
    scores = q @ k.transpose(-2, -1) / math.sqrt(D)  # (B, H, L, S)
    # Query i is at position S - L + i and may see keys j <= S - L + i.
    visible = torch.ones(L, S, dtype=torch.bool, device=q.device).tril(diagonal=S - L)
    scores = scores.masked_fill(~visible, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
