"""Recomputes P from the unscaled scores q k^T while lse was taken over the scaled ones."""
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
    # D_i = sum_j P_ij dP_ij = dO_i . O_i: one number per query row, over ALL keys.
    delta = (d_o * o).sum(dim=-1)                                     # (..., L)
    for j0 in range(0, S, block_k):                                   # outer loop: key blocks
        j1 = min(j0 + block_k, S)
        k_j, v_j = k[..., j0:j1, :], v[..., j0:j1, :]
        for i0 in range(0, L, block_q):                               # inner loop: query blocks
            i1 = min(i0 + block_q, L)
            if causal and j0 > i1 - 1:                                # block wholly above the diagonal
                continue
            s = q[..., i0:i1, :] @ k_j.transpose(-2, -1)
            if causal:
                rows = torch.arange(i0, i1, device=q.device).unsqueeze(-1)
                cols = torch.arange(j0, j1, device=q.device)
                s = s.masked_fill(cols > rows, float("-inf"))
            p = torch.exp(s - lse[..., i0:i1].unsqueeze(-1))          # exact softmax, recomputed
            g = d_o[..., i0:i1, :]
            dv[..., j0:j1, :] += p.transpose(-2, -1) @ g
            dp = g @ v_j.transpose(-2, -1)
            ds = p * (dp - delta[..., i0:i1].unsqueeze(-1))           # softmax backward
            dq[..., i0:i1, :] += scale * (ds @ k_j)
            dk[..., j0:j1, :] += scale * (ds.transpose(-2, -1) @ q[..., i0:i1, :])
    return dq, dk, dv
