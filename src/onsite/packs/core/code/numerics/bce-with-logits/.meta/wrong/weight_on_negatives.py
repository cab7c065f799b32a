"""Applies pos_weight to the negative term (1 - y) instead of the positive one."""
import torch


def _softplus(x):
    return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    w = 1.0 if pos_weight is None else pos_weight
    loss = targets * _softplus(-logits) + w * (1 - targets) * _softplus(logits)
    return {"mean": loss.mean(), "sum": loss.sum()}.get(reduction, loss)
