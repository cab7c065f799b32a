"""Attends over the old cache only and appends the new keys afterwards: a token never sees itself."""
import math

import torch


def cached_attention(x, params, n_heads, cache=None):
    B, T_new, d_model = x.shape
    d_head = d_model // n_heads

    def split(t):
        return t.view(B, T_new, n_heads, d_head).transpose(1, 2)

    q, k_new, v_new = split(x @ params["w_q"]), split(x @ params["w_k"]), split(x @ params["w_v"])
    if cache is None:
        k, v = k_new, v_new
        mask = torch.ones(T_new, T_new, dtype=torch.bool).tril()
    else:
        k, v = cache
        mask = torch.ones(T_new, k.shape[2], dtype=torch.bool)
    scores = (q @ k.transpose(-2, -1) / math.sqrt(d_head)).masked_fill(~mask, float("-inf"))
    heads = torch.softmax(scores, dim=-1) @ v
    out = heads.transpose(1, 2).reshape(B, T_new, d_model) @ params["w_o"]
    if cache is not None:
        k, v = torch.cat([cache[0], k_new], dim=2), torch.cat([cache[1], v_new], dim=2)
    return out, (k, v)
