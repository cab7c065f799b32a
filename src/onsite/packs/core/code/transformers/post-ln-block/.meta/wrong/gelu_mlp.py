"""Uses GELU in the MLP instead of the specified ReLU."""
import math

import torch


def layer_norm(z, weight, bias, eps):
    mu = z.mean(dim=-1, keepdim=True)
    var = ((z - mu) ** 2).mean(dim=-1, keepdim=True)
    return (z - mu) / torch.sqrt(var + eps) * weight + bias


def attention(z, p, n_heads, mask):
    B, T, d = z.shape
    d_h = d // n_heads
    q = (z @ p["w_q"].T + p["b_q"]).view(B, T, n_heads, d_h).transpose(1, 2)
    k = (z @ p["w_k"].T + p["b_k"]).view(B, T, n_heads, d_h).transpose(1, 2)
    v = (z @ p["w_v"].T + p["b_v"]).view(B, T, n_heads, d_h).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return (weights @ v).transpose(1, 2).reshape(B, T, d) @ p["w_o"].T + p["b_o"]


def mlp(z, p):
    return torch.nn.functional.gelu(z @ p["w_1"].T + p["b_1"]) @ p["w_2"].T + p["b_2"]


def post_ln_block(x, params, n_heads, mask=None, eps=1e-5):
    p = params
    h = layer_norm(x + attention(x, p, n_heads, mask), p["ln1_weight"], p["ln1_bias"], eps)
    return layer_norm(h + mlp(h, p), p["ln2_weight"], p["ln2_bias"], eps)
