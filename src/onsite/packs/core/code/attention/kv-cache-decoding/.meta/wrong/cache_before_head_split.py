"""Caches keys as (B, T, d_model) and splits heads with a view that skips the transpose."""
import math

import torch


def cached_attention(x, params, n_heads, cache=None):
    B, T_new, d_model = x.shape
    d_head = d_model // n_heads
    q = (x @ params["w_q"]).view(B, T_new, n_heads, d_head).transpose(1, 2)
    # Wrong: reshapes (B, T, d_model) straight to (B, H, T, d_head), mixing positions and heads.
    k = (x @ params["w_k"]).reshape(B, n_heads, T_new, d_head)
    v = (x @ params["w_v"]).reshape(B, n_heads, T_new, d_head)
    if cache is not None:
        k = torch.cat([cache[0], k], dim=2)
        v = torch.cat([cache[1], v], dim=2)
    T_past = k.shape[2] - T_new
    mask = torch.ones(T_new, k.shape[2], dtype=torch.bool).tril(diagonal=T_past)
    scores = (q @ k.transpose(-2, -1) / math.sqrt(d_head)).masked_fill(~mask, float("-inf"))
    heads = torch.softmax(scores, dim=-1) @ v
    return heads.transpose(1, 2).reshape(B, T_new, d_model) @ params["w_o"], (k, v)
