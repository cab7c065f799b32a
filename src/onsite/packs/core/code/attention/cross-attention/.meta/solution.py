import math

import torch
from torch import Tensor


def cross_attention(
    x_dec: Tensor,
    x_enc: Tensor,
    key_padding_mask: Tensor | None,
    params: dict[str, Tensor],
    n_heads: int,
) -> tuple[Tensor, Tensor]:
    B, L, d_model = x_dec.shape
    S = x_enc.shape[1]
    d_h = d_model // n_heads

    def heads(t: Tensor, T: int) -> Tensor:
        # (B, T, d_model) -> (B, H, T, d_h): split the features, then put heads before positions.
        return t.view(B, T, n_heads, d_h).transpose(1, 2)

    # Queries from the decoder; keys and values from the encoder (its own width d_enc).
    q = heads(x_dec @ params["w_q"].T + params["b_q"], L)
    k = heads(x_enc @ params["w_k"].T + params["b_k"], S)
    v = heads(x_enc @ params["w_v"].T + params["b_v"], S)

    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)  # (B, H, L, S)
    if key_padding_mask is not None:
        # (B, S) -> (B, 1, 1, S): one decision per batch element and key, shared by
        # every head and every query.
        scores = scores.masked_fill(~key_padding_mask[:, None, None, :], float("-inf"))
    weights = torch.softmax(scores, dim=-1)

    merged = (weights @ v).transpose(1, 2).reshape(B, L, d_model)  # heads side by side
    return merged @ params["w_o"].T + params["b_o"], weights
