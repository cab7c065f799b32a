"""Skips the H_q % H_kv check, so a bad head count fails later with a shape error."""
import math

import torch


def grouped_query_attention(q, k, v, mask=None):
    H_q, H_kv = q.shape[1], k.shape[1]
    G = H_q // H_kv
    k, v = k.repeat_interleave(G, dim=1), v.repeat_interleave(G, dim=1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
