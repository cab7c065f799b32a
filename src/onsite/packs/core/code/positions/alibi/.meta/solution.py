import math

import torch
from torch import Tensor


def _geometric(n: int) -> list[float]:
    # Start 2^(-8/n), ratio 2^(-8/n): for n heads the slopes span 2^(-8/n) .. 2^(-8).
    return [2.0 ** (-8.0 * (h + 1) / n) for h in range(n)]


def alibi_slopes(n_heads: int) -> Tensor:
    c = 2 ** int(math.floor(math.log2(n_heads)))  # largest power of two <= n_heads
    slopes = _geometric(c)
    if c < n_heads:
        # The 2c-head sequence interleaves between the c-head one; its even-index
        # entries are the new slopes, so they fill the gaps instead of repeating.
        slopes += _geometric(2 * c)[0::2][: n_heads - c]
    return torch.tensor(slopes, dtype=torch.float64)


def alibi_bias(n_heads: int, T: int) -> Tensor:
    i = torch.arange(T)[:, None]
    j = torch.arange(T)[None, :]
    distance = (i - j).to(torch.float64)  # how far key j lies behind query i
    bias = -alibi_slopes(n_heads)[:, None, None] * distance  # (H, T, T)
    return bias.masked_fill(j > i, float("-inf"))  # causal: the future is hidden


def alibi_attention(q: Tensor, k: Tensor, v: Tensor) -> Tensor:
    H, T, D = q.shape[-3], q.shape[-2], q.shape[-1]
    # The bias is a penalty in score units: added after the 1/sqrt(D), not scaled by it.
    scores = q @ k.transpose(-2, -1) / math.sqrt(D) + alibi_bias(H, T).to(q.dtype)
    return torch.softmax(scores, dim=-1) @ v
