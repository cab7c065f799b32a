import math

import torch
from torch import Tensor


def layer_norm(z: Tensor, weight: Tensor, bias: Tensor, eps: float) -> Tensor:
    # Per position over the features; biased variance; eps inside the square root.
    mu = z.mean(dim=-1, keepdim=True)
    var = ((z - mu) ** 2).mean(dim=-1, keepdim=True)
    return (z - mu) / torch.sqrt(var + eps) * weight + bias


def attention(z: Tensor, p: dict[str, Tensor], n_heads: int, mask: Tensor | None) -> Tensor:
    B, T, d = z.shape
    d_h = d // n_heads

    def heads(t: Tensor) -> Tensor:  # (B, T, d) -> (B, H, T, d_h)
        return t.view(B, T, n_heads, d_h).transpose(1, 2)

    q = heads(z @ p["w_q"].T + p["b_q"])
    k = heads(z @ p["w_k"].T + p["b_k"])
    v = heads(z @ p["w_v"].T + p["b_v"])
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))  # True = may attend
    weights = torch.softmax(scores, dim=-1)
    return (weights @ v).transpose(1, 2).reshape(B, T, d) @ p["w_o"].T + p["b_o"]


def mlp(z: Tensor, p: dict[str, Tensor]) -> Tensor:
    return torch.relu(z @ p["w_1"].T + p["b_1"]) @ p["w_2"].T + p["b_2"]


def post_ln_block(x: Tensor, params: dict[str, Tensor], n_heads: int,
                  mask: Tensor | None = None, eps: float = 1e-5) -> Tensor:
    p = params
    # Post-LN: add the sublayer to the stream, then renormalise the sum. The stream
    # that leaves the block (and enters the next one) is always normalised.
    h = layer_norm(x + attention(x, p, n_heads, mask), p["ln1_weight"], p["ln1_bias"], eps)
    return layer_norm(h + mlp(h, p), p["ln2_weight"], p["ln2_bias"], eps)
