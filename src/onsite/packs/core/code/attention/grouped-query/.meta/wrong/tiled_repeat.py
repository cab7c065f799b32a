"""Tiles the KV heads with repeat ([k0, k1, k0, k1]) instead of repeat_interleave."""
import math

import torch


def grouped_query_attention(q, k, v, mask=None):
    H_q, H_kv = q.shape[1], k.shape[1]
    if H_q % H_kv != 0:
        raise ValueError("H_q must be a multiple of H_kv")
    G = H_q // H_kv
    k, v = k.repeat(1, G, 1, 1), v.repeat(1, G, 1, 1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
