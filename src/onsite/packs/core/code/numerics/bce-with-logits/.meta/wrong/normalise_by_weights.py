"""Divides the weighted sum by the total weight instead of by the number of elements."""
import torch


def _softplus(x):
    return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    w = torch.ones_like(logits) if pos_weight is None else pos_weight * torch.ones_like(logits)
    per = w * targets + (1 - targets)
    loss = w * targets * _softplus(-logits) + (1 - targets) * _softplus(logits)
    if reduction == "mean":
        return loss.sum() / per.sum()
    return loss.sum() if reduction == "sum" else loss
