"""Scales the scores by sqrt(d_model) instead of sqrt(d_head)."""
import math

import torch
from torch import Tensor


def _split_heads(t: Tensor, n_heads: int) -> Tensor:
    # (B, T, d_model) -> (B, H, T, d_head): head h owns features h*d_head:(h+1)*d_head.
    B, T, d_model = t.shape
    return t.view(B, T, n_heads, d_model // n_heads).transpose(1, 2)


def cached_attention(
    x: Tensor,
    params: dict[str, Tensor],
    n_heads: int,
    cache: tuple[Tensor, Tensor] | None = None,
) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    B, T_new, d_model = x.shape

    # Only the new positions are projected: that is the whole point of the cache.
    q = _split_heads(x @ params["w_q"], n_heads)      # (B, H, T_new, d_head)
    k_new = _split_heads(x @ params["w_k"], n_heads)
    v_new = _split_heads(x @ params["w_v"], n_heads)

    if cache is None:
        k, v = k_new, v_new
    else:
        # torch.cat builds new tensors, so the caller's cache is left untouched.
        k = torch.cat([cache[0], k_new], dim=2)        # (B, H, T_past + T_new, d_head)
        v = torch.cat([cache[1], v_new], dim=2)
    T_past = k.shape[2] - T_new

    # New row i is absolute position T_past + i: it sees keys j <= T_past + i.
    mask = torch.ones(T_new, T_past + T_new, dtype=torch.bool, device=x.device).tril(diagonal=T_past)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_model)
    scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    heads = weights @ v                                # (B, H, T_new, d_head)

    merged = heads.transpose(1, 2).reshape(B, T_new, d_model)
    return merged @ params["w_o"], (k, v)
