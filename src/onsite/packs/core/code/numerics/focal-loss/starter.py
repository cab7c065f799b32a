import torch
from torch import Tensor


def focal_loss(logits: Tensor, targets: Tensor, alpha: float | None = 0.25,
               gamma: float = 2.0, reduction: str = "mean") -> Tensor:
    """-alpha_t (1 - p_t)^gamma log p_t per element, from logits; targets are 0/1."""
    raise NotImplementedError("work with z = (2y - 1) x, the logit of the true class")
