"""Shifts by m_new even when it is -inf, so fully masked rows become NaN."""
import math

import torch
from torch import Tensor


def online_update(
    m: Tensor, denom: Tensor, acc: Tensor, s_blk: Tensor, v_blk: Tensor
) -> tuple[Tensor, Tensor, Tensor]:
    m_new = torch.maximum(m, s_blk.amax(dim=-1))                      # (..., L)
    # A row that has seen only -inf keeps m = -inf; shifting by 0 there makes every exp
    # below exp(-inf) = 0 instead of exp(-inf - (-inf)) = nan.
    shift = m_new
    alpha = torch.exp(m - shift)                                      # rescales the old sums
    p = torch.exp(s_blk - shift.unsqueeze(-1))                        # (..., L, Bc)
    denom_new = alpha * denom + p.sum(dim=-1)
    acc_new = alpha.unsqueeze(-1) * acc + p @ v_blk
    return m_new, denom_new, acc_new


def flash_attention(
    q: Tensor, k: Tensor, v: Tensor, block_size: int, causal: bool = False
) -> tuple[Tensor, Tensor]:
    L, D = q.shape[-2], q.shape[-1]
    S = k.shape[-2]
    batch = q.shape[:-2]
    m = torch.full((*batch, L), float("-inf"), dtype=q.dtype, device=q.device)
    denom = torch.zeros((*batch, L), dtype=q.dtype, device=q.device)
    acc = torch.zeros((*batch, L, v.shape[-1]), dtype=q.dtype, device=q.device)
    rows = torch.arange(L, device=q.device).unsqueeze(-1)             # absolute query index
    for start in range(0, S, block_size):
        stop = min(start + block_size, S)                             # the last block may be short
        s = q @ k[..., start:stop, :].transpose(-2, -1) / math.sqrt(D)
        if causal:
            cols = torch.arange(start, stop, device=q.device)         # absolute key index
            s = s.masked_fill(cols > rows, float("-inf"))
        m, denom, acc = online_update(m, denom, acc, s, v[..., start:stop, :])
    # Only now divide: the normaliser is final once every block has been seen.
    return acc / denom.unsqueeze(-1), m + torch.log(denom)
