import math

import torch
from torch import Tensor


def alibi_slopes(n_heads: int) -> Tensor:
    """(H,) float64: 2**(-8(h+1)/n) for a power of two n; the paper's interleaving rule otherwise."""
    raise NotImplementedError("geometric slopes for the largest power of two, then every other of 2c")


def alibi_bias(n_heads: int, T: int) -> Tensor:
    """(H, T, T) float64: -m_h * (i - j) for j <= i, -inf above the diagonal."""
    raise NotImplementedError("distance i - j times each head's slope, future masked")


def alibi_attention(q: Tensor, k: Tensor, v: Tensor) -> Tensor:
    """q, k, v (B, H, T, D) -> (B, H, T, D); softmax(q k^T / sqrt(D) + bias) v."""
    raise NotImplementedError("scaled scores plus the (unscaled) bias, softmax, mix values")
