"""Writes the norm as (sum |g|^p)^(1/p) by hand, which breaks for p = inf."""
import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    p = float(norm_type)
    total = sum((g.abs() ** p).sum() for g in grads) ** (1.0 / p)
    total = torch.as_tensor(total, dtype=grads[0].dtype)
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    return total
