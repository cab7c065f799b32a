"""Adds up the per-tensor norms instead of taking the norm of them."""
import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    total = sum(torch.linalg.vector_norm(g, ord=norm_type) for g in grads)
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    return total
