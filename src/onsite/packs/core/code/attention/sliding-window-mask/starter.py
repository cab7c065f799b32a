import math

import torch
from torch import Tensor


def sliding_window_mask(T: int, window: int) -> Tensor:
    """(T, T) bool, True where j <= i and i - j < window (the last `window` keys, self included)."""
    raise NotImplementedError("compare row and column indices")


def sliding_window_attention(q: Tensor, k: Tensor, v: Tensor, window: int) -> Tensor:
    """q, k, v (B, H, T, D) -> (B, H, T, D), attending through sliding_window_mask(T, window)."""
    raise NotImplementedError("scaled scores, hide what the mask forbids, softmax, mix values")
