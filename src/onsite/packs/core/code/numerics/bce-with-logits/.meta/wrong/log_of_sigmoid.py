"""Takes torch.log(torch.sigmoid(x)) literally: -inf (so an inf loss) for large |logits|."""
import torch


def bce_with_logits(logits, targets, pos_weight=None, reduction="mean"):
    p = torch.sigmoid(logits)
    w = 1.0 if pos_weight is None else pos_weight
    loss = -(w * targets * torch.log(p) + (1 - targets) * torch.log(1 - p))
    return {"mean": loss.mean(), "sum": loss.sum()}.get(reduction, loss)
