import torch
from torch import Tensor


def _softplus(x: Tensor) -> Tensor:
    # log(1 + e^x) = max(x, 0) + log(1 + e^{-|x|}): the exponent is never positive, so
    # nothing overflows, and log1p keeps the tiny tail accurate for large |x|.
    return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))


def bce_with_logits(logits: Tensor, targets: Tensor, pos_weight: Tensor | None = None,
                    reduction: str = "mean") -> Tensor:
    # -log sigmoid(x) = softplus(-x) and -log(1 - sigmoid(x)) = softplus(x).
    positive = targets * _softplus(-logits)
    if pos_weight is not None:
        # (C,) broadcasts over the last dimension: each class scales its own positive term.
        positive = pos_weight * positive
    loss = positive + (1 - targets) * _softplus(logits)
    if reduction == "mean":
        return loss.mean()  # over every element, N * C of them
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"unknown reduction {reduction!r}")
