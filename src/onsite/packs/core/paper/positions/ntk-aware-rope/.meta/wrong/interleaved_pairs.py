"""Rotates adjacent coordinates (2j, 2j + 1) instead of the rotate-half pairs (j, j + d/2)."""
import torch
from torch import Tensor


def ntk_inv_freq(head_dim: int, scale: float, base: float = 10000.0) -> Tensor:
    d = head_dim
    # The exponent d / (d - 2) makes the slowest pair slow down by exactly `scale`
    # while the fastest pair (i = 0) keeps frequency 1.
    new_base = base * scale ** (d / (d - 2))
    two_i = torch.arange(0, d, 2, dtype=torch.float64)
    return new_base ** (-two_i / d)


def _rotate_half(x: Tensor) -> Tensor:
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def apply_rope(x: Tensor, positions: Tensor, inv_freq: Tensor) -> Tensor:
    # Angles in float64: position ~3e4 times frequency ~1 loses ~1e-3 rad in float32.
    angle = positions.to(torch.float64)[:, None] * inv_freq.to(torch.float64)[None, :]
    cos = angle.cos().to(x.dtype)
    sin = angle.sin().to(x.dtype)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = torch.stack([even * cos - odd * sin, odd * cos + even * sin], dim=-1)
    return out.flatten(-2)


def ntk_rope(x: Tensor, positions: Tensor, scale: float, base: float = 10000.0) -> Tensor:
    return apply_rope(x, positions, ntk_inv_freq(x.shape[-1], scale, base))


def pi_rope(x: Tensor, positions: Tensor, scale: float, base: float = 10000.0) -> Tensor:
    # Linear interpolation: every frequency is compressed by `scale`, the fastest included.
    vanilla = ntk_inv_freq(x.shape[-1], 1.0, base)
    return apply_rope(x, positions.to(torch.float64) / scale, vanilla)
