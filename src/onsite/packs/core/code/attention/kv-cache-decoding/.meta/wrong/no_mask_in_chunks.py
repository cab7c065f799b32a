"""Masks only the prefill; a later chunk of several tokens attends to its own future tokens."""
import math

import torch


def cached_attention(x, params, n_heads, cache=None):
    B, T_new, d_model = x.shape
    d_head = d_model // n_heads

    def split(t):
        return t.view(B, T_new, n_heads, d_head).transpose(1, 2)

    q, k, v = split(x @ params["w_q"]), split(x @ params["w_k"]), split(x @ params["w_v"])
    scores_mask = None
    if cache is None:
        scores_mask = torch.ones(T_new, T_new, dtype=torch.bool).tril()
    else:
        k = torch.cat([cache[0], k], dim=2)
        v = torch.cat([cache[1], v], dim=2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)
    if scores_mask is not None:
        scores = scores.masked_fill(~scores_mask, float("-inf"))
    heads = torch.softmax(scores, dim=-1) @ v
    return heads.transpose(1, 2).reshape(B, T_new, d_model) @ params["w_o"], (k, v)
