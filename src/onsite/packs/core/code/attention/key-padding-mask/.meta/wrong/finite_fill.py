"""Fills padding with -1e9: an empty sequence attends uniformly to its padding instead of returning 0."""
import math

import torch


def padded_attention(q, k, v, lengths):
    S = k.shape[-2]
    valid = (torch.arange(S)[None, :] < lengths[:, None])[:, None, :]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = torch.softmax(scores.masked_fill(~valid, -1e9), dim=-1)
    return weights @ v, weights
