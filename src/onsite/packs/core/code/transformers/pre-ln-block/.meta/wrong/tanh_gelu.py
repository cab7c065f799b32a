"""Uses the tanh approximation of GELU instead of the exact erf form."""
import math

import torch
import torch.nn.functional as F


def layer_norm(z, weight, bias, eps):
    mu = z.mean(dim=-1, keepdim=True)
    var = ((z - mu) ** 2).mean(dim=-1, keepdim=True)
    return (z - mu) / torch.sqrt(var + eps) * weight + bias


def causal_attention(z, p, n_heads):
    B, T, d = z.shape
    d_h = d // n_heads
    q = (z @ p["w_q"].T + p["b_q"]).view(B, T, n_heads, d_h).transpose(1, 2)
    k = (z @ p["w_k"].T + p["b_k"]).view(B, T, n_heads, d_h).transpose(1, 2)
    v = (z @ p["w_v"].T + p["b_v"]).view(B, T, n_heads, d_h).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)
    scores = scores.masked_fill(~torch.ones(T, T, dtype=torch.bool).tril(), float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return (weights @ v).transpose(1, 2).reshape(B, T, d) @ p["w_o"].T + p["b_o"]


def mlp(z, p):
    return F.gelu(z @ p["w_1"].T + p["b_1"], approximate="tanh") @ p["w_2"].T + p["b_2"]


def pre_ln_block(x, params, n_heads, eps=1e-5):
    p = params
    h = x + causal_attention(layer_norm(x, p["ln1_weight"], p["ln1_bias"], eps), p, n_heads)
    return h + mlp(layer_norm(h, p["ln2_weight"], p["ln2_bias"], eps), p)
