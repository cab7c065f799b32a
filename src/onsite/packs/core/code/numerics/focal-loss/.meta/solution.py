import torch
from torch import Tensor


def _softplus(x: Tensor) -> Tensor:
    # log(1 + e^x) without ever exponentiating a positive number.
    return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))


def focal_loss(logits: Tensor, targets: Tensor, alpha: float | None = 0.25,
               gamma: float = 2.0, reduction: str = "mean") -> Tensor:
    # z is the logit of the true class: p_t = sigmoid(z), 1 - p_t = sigmoid(-z).
    z = (2 * targets - 1) * logits
    nll = _softplus(-z)  # -log p_t, exact even where sigmoid(z) rounds to 0
    # (1 - p_t)^gamma = exp(-gamma * softplus(z)): finite, with a finite gradient,
    # also where 1 - p_t underflows to 0 and for gamma < 1.
    modulating = torch.exp(-gamma * _softplus(z))
    loss = modulating * nll
    if alpha is not None:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"unknown reduction {reduction!r}")
