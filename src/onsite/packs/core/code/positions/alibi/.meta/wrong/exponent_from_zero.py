"""Starts the exponent at h instead of h + 1, so the first head has slope 1."""
import math

import torch


def geometric(n):
    return [2.0 ** (-8.0 * h / n) for h in range(n)]


def alibi_slopes(n_heads):
    c = 2 ** int(math.floor(math.log2(n_heads)))
    slopes = geometric(c)
    if c < n_heads:
        slopes += geometric(2 * c)[0::2][: n_heads - c]
    return torch.tensor(slopes, dtype=torch.float64)


def alibi_bias(n_heads, T):
    i, j = torch.arange(T)[:, None], torch.arange(T)[None, :]
    bias = -alibi_slopes(n_heads)[:, None, None] * (i - j).double()
    return bias.masked_fill(j > i, float("-inf"))


def alibi_attention(q, k, v):
    H, T, D = q.shape[-3:]
    scores = q @ k.transpose(-2, -1) / math.sqrt(D) + alibi_bias(H, T).to(q.dtype)
    return torch.softmax(scores, dim=-1) @ v
