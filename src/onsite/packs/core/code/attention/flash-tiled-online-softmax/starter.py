import math

import torch
from torch import Tensor


def online_update(
    m: Tensor, denom: Tensor, acc: Tensor, s_blk: Tensor, v_blk: Tensor
) -> tuple[Tensor, Tensor, Tensor]:
    """Fold one block of scores s_blk (..., L, Bc) and values v_blk (..., Bc, Dv) into the
    running state (max m (..., L), normaliser denom (..., L), unnormalised output acc (..., L, Dv))."""
    raise NotImplementedError("new max, rescale the old state by exp(m - m_new), add the block")


def flash_attention(
    q: Tensor, k: Tensor, v: Tensor, block_size: int, causal: bool = False
) -> tuple[Tensor, Tensor]:
    """Exact attention computed over key/value blocks; returns (out (..., L, Dv), lse (..., L))."""
    raise NotImplementedError("loop over key blocks, mask with absolute indices, finish with acc / denom")
