import torch
from torch import Tensor


def bce_with_logits(logits: Tensor, targets: Tensor, pos_weight: Tensor | None = None,
                    reduction: str = "mean") -> Tensor:
    """Binary cross-entropy from logits; pos_weight (C,) scales the positive term."""
    raise NotImplementedError("write log sigmoid(x) with a stable softplus, then weight and reduce")
