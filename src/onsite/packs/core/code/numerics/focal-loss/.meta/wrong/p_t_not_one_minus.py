"""Modulates by p_t ** gamma instead of (1 - p_t) ** gamma: up-weights the easy examples."""
import torch
import torch.nn.functional as F


def focal_loss(logits, targets, alpha=0.25, gamma=2.0, reduction="mean"):
    z = (2 * targets - 1) * logits
    loss = F.softplus(-z) * torch.sigmoid(z) ** gamma
    if alpha is not None:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return {"mean": loss.mean(), "sum": loss.sum()}.get(reduction, loss)
