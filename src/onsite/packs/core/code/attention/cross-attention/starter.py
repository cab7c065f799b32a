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
    """x_dec (B, L, d_model) queries x_enc (B, S, d_enc); mask (B, S) True = real token.

    Returns out (B, L, d_model) and per-head weights (B, H, L, S).
    """
    raise NotImplementedError("project, split heads, score, hide padded keys, softmax, merge, project")
