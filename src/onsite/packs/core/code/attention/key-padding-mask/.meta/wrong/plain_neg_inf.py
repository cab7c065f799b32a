"""Fills padding with -inf and stops there: an empty sequence's rows are 0/0 = NaN."""
import math

import torch


def padded_attention(q, k, v, lengths):
    S = k.shape[-2]
    valid = (torch.arange(S)[None, :] < lengths[:, None])[:, None, :]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = torch.softmax(scores.masked_fill(~valid, float("-inf")), dim=-1)
    return weights @ v, weights
