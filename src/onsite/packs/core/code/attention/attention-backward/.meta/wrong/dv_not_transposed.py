"""Computes dv as P dO without transposing P (only shape-correct when L = S)."""
import math

import torch
from torch import Tensor


def attention_backward(
    q: Tensor, k: Tensor, v: Tensor, d_out: Tensor, mask: Tensor | None = None
) -> tuple[Tensor, Tensor, Tensor]:
    scale = 1.0 / math.sqrt(q.shape[-1])
    # Recompute the forward's probabilities (FlashAttention recomputes them too).
    scores = q @ k.transpose(-2, -1) * scale                          # (..., L, S)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    P = torch.softmax(scores, dim=-1)

    dv = P @ d_out
    dP = d_out @ v.transpose(-2, -1)                                  #          =>  dP = dO v^T
    # Softmax JVP per row: dS_j = P_j (dP_j - sum_j' P_j' dP_j'); the sum is one dot product per row.
    row_dot = (P * dP).sum(dim=-1, keepdim=True)
    dS = P * (dP - row_dot)                                           # masked entries: P = 0, so dS = 0
    dq = dS @ k * scale                                               # S = q k^T * scale
    dk = dS.transpose(-2, -1) @ q * scale
    return dq, dk, dv
