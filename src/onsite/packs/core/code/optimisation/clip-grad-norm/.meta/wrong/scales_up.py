"""Always rescales to max_norm, so gradients below the threshold are scaled up."""
import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    total = torch.linalg.vector_norm(
        torch.stack([torch.linalg.vector_norm(g, ord=norm_type) for g in grads]), ord=norm_type)
    coef = max_norm / (total + 1e-6)
    for g in grads:
        g.mul_(coef)
    return total
