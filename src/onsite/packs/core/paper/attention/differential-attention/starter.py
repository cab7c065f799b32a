import math

import torch
from torch import Tensor


def lambda_init_fn(layer: int) -> float:
    """lambda_init for the 1-based layer index `layer`."""
    raise NotImplementedError("0.8 - 0.6 * exp(-0.3 * (layer - 1))")


def differential_attention(
    x: Tensor,
    w_q: Tensor,
    w_k: Tensor,
    w_v: Tensor,
    w_o: Tensor,
    lambda_q1: Tensor,
    lambda_k1: Tensor,
    lambda_q2: Tensor,
    lambda_k2: Tensor,
    norm_weight: Tensor,
    n_heads: int,
    lambda_init: float,
    causal: bool = True,
    eps: float = 1e-5,
) -> tuple[Tensor, Tensor]:
    """Return (out (B, T, D), differential map (B, H, T, T))."""
    raise NotImplementedError("two softmax maps per head, subtract lambda times the second, "
                              "RMSNorm each head, scale by 1 - lambda_init, project")
