"""Uses |i - j| < window, a band that also looks into the future."""
import math

import torch


def sliding_window_mask(T, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    i, j = torch.arange(T)[:, None], torch.arange(T)[None, :]
    return (i - j).abs() < window


def sliding_window_attention(q, k, v, window):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    scores = scores.masked_fill(~sliding_window_mask(q.shape[-2], window), float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
