"""Scales the base by s itself, without the d / (d - 2) exponent."""
import torch
from torch import Tensor


def ntk_inv_freq(head_dim: int, scale: float, base: float = 10000.0) -> Tensor:
    d = head_dim
    # The exponent d / (d - 2) makes the slowest pair slow down by exactly `scale`
    # while the fastest pair (i = 0) keeps frequency 1.
    new_base = base * scale
    two_i = torch.arange(0, d, 2, dtype=torch.float64)
    return new_base ** (-two_i / d)


def _rotate_half(x: Tensor) -> Tensor:
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def apply_rope(x: Tensor, positions: Tensor, inv_freq: Tensor) -> Tensor:
    # Angles in float64: position ~3e4 times frequency ~1 loses ~1e-3 rad in float32.
    angle = positions.to(torch.float64)[:, None] * inv_freq.to(torch.float64)[None, :]
    cos = torch.cat([angle.cos(), angle.cos()], dim=-1).to(x.dtype)  # (T, d)
    sin = torch.cat([angle.sin(), angle.sin()], dim=-1).to(x.dtype)
    # Pair j with j + d/2 and rotate each pair by its own angle.
    return x * cos + _rotate_half(x) * sin


def ntk_rope(x: Tensor, positions: Tensor, scale: float, base: float = 10000.0) -> Tensor:
    return apply_rope(x, positions, ntk_inv_freq(x.shape[-1], scale, base))


def pi_rope(x: Tensor, positions: Tensor, scale: float, base: float = 10000.0) -> Tensor:
    # Linear interpolation: every frequency is compressed by `scale`, the fastest included.
    vanilla = ntk_inv_freq(x.shape[-1], 1.0, base)
    return apply_rope(x, positions.to(torch.float64) / scale, vanilla)
