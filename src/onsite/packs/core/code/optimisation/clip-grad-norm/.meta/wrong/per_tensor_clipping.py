"""Clips each tensor to max_norm on its own instead of using one global norm."""
import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    norms = []
    for g in grads:
        n = torch.linalg.vector_norm(g, ord=norm_type)
        norms.append(n)
        g.mul_(torch.clamp(max_norm / (n + 1e-6), max=1.0))
    return torch.linalg.vector_norm(torch.stack(norms), ord=norm_type)
