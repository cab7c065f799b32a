"""Counts the window from the previous token (0 < i - j <= window): the diagonal is hidden."""
import math

import torch


def sliding_window_mask(T, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    i, j = torch.arange(T)[:, None], torch.arange(T)[None, :]
    return (j < i) & (i - j <= window)


def sliding_window_attention(q, k, v, window):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    scores = scores.masked_fill(~sliding_window_mask(q.shape[-2], window), float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
