import math

import torch
from torch import Tensor


def causal_self_attention(
    x: Tensor, w_q: Tensor, w_k: Tensor, w_v: Tensor, w_o: Tensor
) -> tuple[Tensor, Tensor]:
    T = x.shape[-2]
    q, k, v = x @ w_q, x @ w_k, x @ w_v  # (B, T, d_k), (B, T, d_k), (B, T, d_v)
    # The dot product of two d_k-dimensional vectors has variance ~d_k: undo it.
    scores = q @ k.transpose(-2, -1) / math.sqrt(w_q.shape[-1])  # (B, T, T)
    # Lower triangle with the diagonal: query i sees keys 0..i, never the future.
    allowed = torch.ones(T, T, dtype=torch.bool, device=x.device).tril()
    # Hide before the softmax so the visible weights renormalise to 1.
    scores = scores.masked_fill(~allowed, float("-inf"))
    weights = torch.softmax(scores, dim=-1)  # subtracts the row max: stable
    return (weights @ v) @ w_o, weights
