import math

import torch
from torch import Tensor


def sliding_window_mask(T: int, window: int) -> Tensor:
    if window < 1:
        raise ValueError("window must be at least 1 (a token always sees itself)")
    i = torch.arange(T)[:, None]  # query positions (rows)
    j = torch.arange(T)[None, :]  # key positions (columns)
    # Causal (no future) and recent: distance 0 .. window-1, i.e. exactly `window` keys.
    return (j <= i) & (i - j < window)


def sliding_window_attention(q: Tensor, k: Tensor, v: Tensor, window: int) -> Tensor:
    T = q.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    # The diagonal is always visible, so no row is all -inf.
    scores = scores.masked_fill(~sliding_window_mask(T, window).to(q.device), float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
