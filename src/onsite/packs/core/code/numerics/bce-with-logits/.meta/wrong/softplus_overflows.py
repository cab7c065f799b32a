"""Writes softplus as log(1 + exp(x)): exp overflows to inf for large positive arguments."""
import torch


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    w = 1.0 if pos_weight is None else pos_weight
    loss = (w * targets * torch.log1p(torch.exp(-logits))
            + (1 - targets) * torch.log1p(torch.exp(logits)))
    return {"mean": loss.mean(), "sum": loss.sum()}.get(reduction, loss)
