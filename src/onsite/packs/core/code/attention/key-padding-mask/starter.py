import math

import torch
from torch import Tensor


def padded_attention(q: Tensor, k: Tensor, v: Tensor, lengths: Tensor) -> tuple[Tensor, Tensor]:
    """q (B, L, D), k (B, S, D), v (B, S, D_v), lengths (B,): keys j >= lengths[b] are padding.

    Returns (out (B, L, D_v), weights (B, L, S)); an empty sequence gives zeros, never NaN.
    """
    raise NotImplementedError("build the key mask from lengths; handle rows with no real key")
