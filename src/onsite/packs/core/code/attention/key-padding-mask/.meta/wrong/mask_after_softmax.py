"""Zeroes padded weights after a softmax over all keys, without renormalising."""
import math

import torch


def padded_attention(q, k, v, lengths):
    S = k.shape[-2]
    valid = (torch.arange(S)[None, :] < lengths[:, None])[:, None, :]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = torch.softmax(scores, dim=-1) * valid
    return weights @ v, weights
