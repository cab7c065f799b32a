"""Treats key j as real when j <= length, one padded key too many."""
import math

import torch


def padded_attention(q, k, v, lengths):
    S = k.shape[-2]
    valid = (torch.arange(S)[None, :] < lengths[:, None])[:, None, :]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    valid = (torch.arange(S)[None, :] <= lengths[:, None])[:, None, :]
    weights = torch.softmax(scores.masked_fill(~valid, -1e9), dim=-1) * valid
    return weights @ v, weights
