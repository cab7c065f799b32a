import math

import torch
import torch.nn.functional as F
from torch import Tensor


def layer_norm(z: Tensor, weight: Tensor, bias: Tensor, eps: float) -> Tensor:
    # Per position, over the features; biased variance (divide by d), eps inside the root.
    mu = z.mean(dim=-1, keepdim=True)
    var = ((z - mu) ** 2).mean(dim=-1, keepdim=True)
    return (z - mu) / torch.sqrt(var + eps) * weight + bias


def causal_attention(z: Tensor, p: dict[str, Tensor], n_heads: int) -> Tensor:
    B, T, d = z.shape
    d_h = d // n_heads

    def heads(t: Tensor) -> Tensor:  # (B, T, d) -> (B, H, T, d_h)
        return t.view(B, T, n_heads, d_h).transpose(1, 2)

    q = heads(z @ p["w_q"].T + p["b_q"])
    k = heads(z @ p["w_k"].T + p["b_k"])
    v = heads(z @ p["w_v"].T + p["b_v"])
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)
    future = ~torch.ones(T, T, dtype=torch.bool, device=z.device).tril()
    weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
    merged = (weights @ v).transpose(1, 2).reshape(B, T, d)
    return merged @ p["w_o"].T + p["b_o"]


def mlp(z: Tensor, p: dict[str, Tensor]) -> Tensor:
    return F.gelu(z @ p["w_1"].T + p["b_1"]) @ p["w_2"].T + p["b_2"]  # exact (erf) GELU


def pre_ln_block(x: Tensor, params: dict[str, Tensor], n_heads: int, eps: float = 1e-5) -> Tensor:
    p = params
    # Each sublayer reads a normalised copy; the residual stream itself is never normalised,
    # which keeps an identity path from input to output (the reason pre-LN trains stably).
    h = x + causal_attention(layer_norm(x, p["ln1_weight"], p["ln1_bias"], eps), p, n_heads)
    return h + mlp(layer_norm(h, p["ln2_weight"], p["ln2_bias"], eps), p)
