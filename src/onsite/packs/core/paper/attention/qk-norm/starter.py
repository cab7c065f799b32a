import math

import torch
from torch import Tensor


def qk_norm_attention(
    x: Tensor,
    w_q: Tensor,
    w_k: Tensor,
    w_v: Tensor,
    w_o: Tensor,
    q_gain: Tensor,
    k_gain: Tensor,
    n_heads: int,
    norm: str = "layernorm",
    causal: bool = True,
    eps: float = 1e-6,
    scale: float | None = None,
) -> tuple[Tensor, Tensor]:
    """Return (out (B, T, D), unmasked logits (B, H, T, T)) with per-head QK-norm."""
    raise NotImplementedError("split heads, normalise q and k over d, then attend")


def logit_bound(q_gain: Tensor, k_gain: Tensor, scale: float | None = None) -> float:
    """The largest |logit| QK-norm allows: tau * d * max |q_gain * k_gain|."""
    raise NotImplementedError("Cauchy-Schwarz on the normalised vectors")
