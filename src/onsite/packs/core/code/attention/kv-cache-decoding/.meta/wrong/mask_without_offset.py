"""Builds the causal mask as tril of (T_new, T_total) without the T_past offset."""
import math

import torch


def cached_attention(x, params, n_heads, cache=None):
    B, T_new, d_model = x.shape
    d_head = d_model // n_heads

    def split(t):
        return t.view(B, T_new, n_heads, d_head).transpose(1, 2)

    q, k, v = split(x @ params["w_q"]), split(x @ params["w_k"]), split(x @ params["w_v"])
    if cache is not None:
        k = torch.cat([cache[0], k], dim=2)
        v = torch.cat([cache[1], v], dim=2)
    mask = torch.ones(T_new, k.shape[2], dtype=torch.bool).tril()
    scores = (q @ k.transpose(-2, -1) / math.sqrt(d_head)).masked_fill(~mask, float("-inf"))
    heads = torch.softmax(scores, dim=-1) @ v
    return heads.transpose(1, 2).reshape(B, T_new, d_model) @ params["w_o"], (k, v)
