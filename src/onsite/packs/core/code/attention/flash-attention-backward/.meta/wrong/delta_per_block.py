"""Computes D_i = sum_j P_ij dP_ij over the current key block only, not over the whole row."""
import math

import torch
from torch import Tensor


def flash_attention_backward(
    q: Tensor, k: Tensor, v: Tensor, o: Tensor, lse: Tensor, d_o: Tensor,
    block_q: int, block_k: int, causal: bool = False, scale: float | None = None,
) -> tuple[Tensor, Tensor, Tensor]:
    L, D = q.shape[-2], q.shape[-1]
    S = k.shape[-2]
    if scale is None:
        scale = 1.0 / math.sqrt(D)
    dq, dk, dv = torch.zeros_like(q), torch.zeros_like(k), torch.zeros_like(v)
    for j0 in range(0, S, block_k):                                   # outer loop: key blocks
        j1 = min(j0 + block_k, S)
        k_j, v_j = k[..., j0:j1, :], v[..., j0:j1, :]
        for i0 in range(0, L, block_q):                               # inner loop: query blocks
            i1 = min(i0 + block_q, L)
            if causal and j0 > i1 - 1:                                # block wholly above the diagonal
                continue
            s = q[..., i0:i1, :] @ k_j.transpose(-2, -1) * scale      # (..., Bq, Bk), scaled
            if causal:
                rows = torch.arange(i0, i1, device=q.device).unsqueeze(-1)
                cols = torch.arange(j0, j1, device=q.device)
                s = s.masked_fill(cols > rows, float("-inf"))
            p = torch.exp(s - lse[..., i0:i1].unsqueeze(-1))          # exact softmax, recomputed
            g = d_o[..., i0:i1, :]
            dv[..., j0:j1, :] += p.transpose(-2, -1) @ g
            dp = g @ v_j.transpose(-2, -1)
            ds = p * (dp - (p * dp).sum(dim=-1, keepdim=True))       # this tile only
            dq[..., i0:i1, :] += scale * (ds @ k_j)
            dk[..., j0:j1, :] += scale * (ds.transpose(-2, -1) @ q[..., i0:i1, :])
    return dq, dk, dv
