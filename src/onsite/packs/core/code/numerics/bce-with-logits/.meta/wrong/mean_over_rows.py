"""Sums over the classes and averages over the rows only: "mean" is C times too big."""
import torch


def _softplus(x):
    return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    w = 1.0 if pos_weight is None else pos_weight
    loss = w * targets * _softplus(-logits) + (1 - targets) * _softplus(logits)
    if reduction == "mean":
        return loss.sum(-1).mean() if loss.dim() > 1 else loss.mean()
    return loss.sum() if reduction == "sum" else loss
