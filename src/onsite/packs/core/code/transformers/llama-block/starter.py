import math

import torch
from torch import Tensor


def rmsnorm(x: Tensor, weight: Tensor, eps: float = 1e-6) -> Tensor:
    """x / sqrt(mean(x^2, last axis) + eps) * weight."""
    raise NotImplementedError("no mean subtraction, no bias")


def apply_rope(x: Tensor, base: float = 10000.0) -> Tensor:
    """Rotate pairs (i, i + d_h/2) of x (B, H, T, d_h) by angle m * base^(-2i/d_h) at position m."""
    raise NotImplementedError("cos/sin tables of shape (T, d_h), then x * cos + rotate_half(x) * sin")


def llama_block(
    x: Tensor, params: dict[str, Tensor], n_heads: int, rope_base: float = 10000.0, eps: float = 1e-6
) -> Tensor:
    """Pre-norm block: x + attn(rmsnorm(x)), then + swiglu(rmsnorm(.))."""
    raise NotImplementedError("rmsnorm -> q, k, v -> rope(q, k) -> causal attention -> wo; then SwiGLU")
