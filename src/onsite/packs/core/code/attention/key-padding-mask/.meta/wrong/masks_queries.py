"""Masks the query rows i >= length instead of the keys (query and key padding confused)."""
import math

import torch


def padded_attention(q, k, v, lengths):
    L = q.shape[-2]
    valid_q = (torch.arange(L)[None, :] < lengths[:, None])[:, :, None]  # (B, L, 1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = torch.softmax(scores, dim=-1) * valid_q
    return weights @ v, weights
