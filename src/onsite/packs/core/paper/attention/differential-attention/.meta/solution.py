import math

import torch
from torch import Tensor


def lambda_init_fn(layer: int) -> float:
    # Deeper layers start with a larger lambda (0.2 at layer 1, towards 0.8).
    return 0.8 - 0.6 * math.exp(-0.3 * (layer - 1))


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
    B, T, D = x.shape
    H = n_heads
    d = D // (2 * H)
    # (B, T, H, 2, d) -> (2, B, H, T, d): index 0 is the first map's half, 1 the second's.
    q = (x @ w_q).view(B, T, H, 2, d).permute(3, 0, 2, 1, 4)
    k = (x @ w_k).view(B, T, H, 2, d).permute(3, 0, 2, 1, 4)
    v = (x @ w_v).view(B, T, H, 2 * d).transpose(1, 2)  # (B, H, T, 2d)

    # Both maps are ordinary softmax attention of width d.
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)  # (2, B, H, T, T)
    if causal:
        future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)
        scores = scores.masked_fill(future, float("-inf"))
    a1, a2 = torch.softmax(scores, dim=-1).unbind(0)

    # One learnable scalar per layer, reparameterised through four vectors.
    lam = torch.exp(lambda_q1 @ lambda_k1) - torch.exp(lambda_q2 @ lambda_k2) + lambda_init
    attn = a1 - lam * a2  # (B, H, T, T): the common-mode part of the two maps cancels

    heads = attn @ v  # (B, H, T, 2d)
    # Each head is normalised on its own: differential maps give heads very different scales.
    heads = heads * torch.rsqrt(heads.pow(2).mean(-1, keepdim=True) + eps) * norm_weight
    heads = heads * (1.0 - lambda_init)
    out = heads.transpose(1, 2).reshape(B, T, D) @ w_o
    return out, attn
