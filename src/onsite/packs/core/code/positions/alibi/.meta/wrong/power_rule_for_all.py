"""Applies 2**(-8(h+1)/n) to every head count, ignoring the rule for non-powers of two."""
import math

import torch


def alibi_slopes(n_heads):
    return torch.tensor([2.0 ** (-8.0 * (h + 1) / n_heads) for h in range(n_heads)], dtype=torch.float64)


def alibi_bias(n_heads, T):
    i, j = torch.arange(T)[:, None], torch.arange(T)[None, :]
    bias = -alibi_slopes(n_heads)[:, None, None] * (i - j).double()
    return bias.masked_fill(j > i, float("-inf"))


def alibi_attention(q, k, v):
    H, T, D = q.shape[-3:]
    scores = q @ k.transpose(-2, -1) / math.sqrt(D) + alibi_bias(H, T).to(q.dtype)
    return torch.softmax(scores, dim=-1) @ v
