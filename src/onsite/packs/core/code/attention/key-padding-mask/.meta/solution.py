import math

import torch
from torch import Tensor


def padded_attention(q: Tensor, k: Tensor, v: Tensor, lengths: Tensor) -> tuple[Tensor, Tensor]:
    S = k.shape[-2]
    valid = (torch.arange(S, device=k.device)[None, :] < lengths[:, None])[:, None, :]  # (B, 1, S)
    has_key = valid.any(dim=-1, keepdim=True)  # (B, 1, 1): False for an empty sequence
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (B, L, S)
    # -inf on padding, but only where the row keeps at least one finite score; an empty row
    # gets finite scores (its own, harmless) so the softmax never computes 0/0.
    hide = ~valid & has_key
    weights = torch.softmax(scores.masked_fill(hide, float("-inf")), dim=-1)
    # Zero every padded weight: a no-op for rows with real keys, the stated all-zero
    # convention for empty rows; masked_fill also sends them a zero gradient.
    weights = weights.masked_fill(~valid, 0.0)
    return weights @ v, weights
