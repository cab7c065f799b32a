"""Ignores the norm argument and never subtracts the mean (RMSNorm for both)."""
import math

import torch
from torch import Tensor


def _normalise(u: Tensor, gain: Tensor, kind: str, eps: float) -> Tensor:
    """LayerNorm (no bias) or RMSNorm over the last axis, then the gain."""
    ms = u.pow(2).mean(-1, keepdim=True)
    return u * torch.rsqrt(ms + eps) * gain


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
    B, T, D = x.shape
    H = n_heads
    d = D // H
    tau = 1.0 / math.sqrt(d) if scale is None else scale
    # Split heads first: each head's query and key are normalised on their own.
    q = _normalise((x @ w_q).view(B, T, H, d), q_gain, norm, eps).transpose(1, 2)
    k = _normalise((x @ w_k).view(B, T, H, d), k_gain, norm, eps).transpose(1, 2)
    v = (x @ w_v).view(B, T, H, d).transpose(1, 2)
    logits = tau * (q @ k.transpose(-2, -1))  # (B, H, T, T), bounded by the gains alone
    scores = logits
    if causal:
        future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)
        scores = logits.masked_fill(future, float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(1, 2).reshape(B, T, D) @ w_o, logits


def logit_bound(q_gain: Tensor, k_gain: Tensor, scale: float | None = None) -> float:
    d = q_gain.shape[-1]
    tau = 1.0 / math.sqrt(d) if scale is None else scale
    # Cauchy-Schwarz: each normalised vector has squared length below d.
    return float(tau * d * (q_gain * k_gain).abs().max())
