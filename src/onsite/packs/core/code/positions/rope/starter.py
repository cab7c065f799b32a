import math

import torch
from torch import Tensor


def apply_rope(x: Tensor, offset: int = 0, base: float = 10000.0) -> Tensor:
    """Rotate pairs (x_i, x_{i+D/2}) of x (..., T, D) by (offset + t) * base**(-2i/D)."""
    raise NotImplementedError("angles (T, D/2) in float64, then rotate the two halves")


def rope_attention(q: Tensor, k: Tensor, v: Tensor) -> Tensor:
    """q (B, H, L, D) at positions S-L..S-1; k, v (B, H, S, D) at 0..S-1; causal -> (B, H, L, D)."""
    raise NotImplementedError("rotate q and k at their positions, then causal attention")
