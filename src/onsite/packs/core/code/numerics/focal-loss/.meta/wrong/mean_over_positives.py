"""Divides the summed loss by the number of positives (RetinaNet's anchor normalisation)."""
import torch
import torch.nn.functional as F


def focal_loss(logits, targets, alpha=0.25, gamma=2.0, reduction="mean"):
    z = (2 * targets - 1) * logits
    loss = F.softplus(-z) * torch.sigmoid(-z) ** gamma
    if alpha is not None:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    if reduction == "mean":
        return loss.sum() / targets.sum().clamp(min=1)
    return loss.sum() if reduction == "sum" else loss
