import torch
from torch import Tensor


def ntk_inv_freq(head_dim: int, scale: float, base: float = 10000.0) -> Tensor:
    """Frequencies (head_dim // 2,) in float64 with the NTK-aware base b * s^(d / (d - 2))."""
    raise NotImplementedError("scale the base, then base ** (-2i / d)")


def apply_rope(x: Tensor, positions: Tensor, inv_freq: Tensor) -> Tensor:
    """Rotate pairs (j, j + d/2) of x (..., T, d) by positions[t] * inv_freq[j]."""
    raise NotImplementedError("float64 angles, cos/sin cast to x.dtype, rotate-half")


def ntk_rope(x: Tensor, positions: Tensor, scale: float, base: float = 10000.0) -> Tensor:
    """RoPE with NTK-aware scaled frequencies."""
    raise NotImplementedError


def pi_rope(x: Tensor, positions: Tensor, scale: float, base: float = 10000.0) -> Tensor:
    """RoPE with linear position interpolation: positions / scale, frequencies unchanged."""
    raise NotImplementedError
