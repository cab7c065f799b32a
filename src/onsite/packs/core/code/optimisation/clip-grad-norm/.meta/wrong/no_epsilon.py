"""Divides by the bare norm (max_norm / norm), dropping the 1e-6 of the contract."""
import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    total = torch.linalg.vector_norm(
        torch.stack([torch.linalg.vector_norm(g, ord=norm_type) for g in grads]), ord=norm_type)
    coef = torch.clamp(max_norm / total, max=1.0)
    for g in grads:
        g.mul_(coef)
    return total
