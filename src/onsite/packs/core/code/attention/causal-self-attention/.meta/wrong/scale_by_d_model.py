"""Divides by sqrt(d_model), the width of x, instead of sqrt(d_k), the width of q and k."""
import math

import torch


def causal_self_attention(x, w_q, w_k, w_v, w_o):
    T = x.shape[-2]
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    scores = q @ k.transpose(-2, -1) / math.sqrt(x.shape[-1])
    allowed = torch.ones(T, T, dtype=torch.bool).tril()
    weights = torch.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1)
    return (weights @ v) @ w_o, weights
