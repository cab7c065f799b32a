import torch
from torch import Tensor


def multi_token_prediction_loss(
    hidden: Tensor,
    head_weights: Tensor,
    unembed: Tensor,
    tokens: Tensor,
    ignore_index: int = -100,
) -> tuple[Tensor, Tensor]:
    """Return (sum of per-head losses, per-head losses (n,)); head k predicts tokens[t + k]."""
    raise NotImplementedError("for each head k: positions 0..T-k-1, targets tokens[:, k:], "
                              "masked token-level mean; then sum over heads")
