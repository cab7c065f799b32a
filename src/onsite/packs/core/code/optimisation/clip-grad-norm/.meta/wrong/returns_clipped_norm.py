"""Returns the norm after clipping instead of the total norm before it."""
import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    def total_norm():
        return torch.linalg.vector_norm(
            torch.stack([torch.linalg.vector_norm(g, ord=norm_type) for g in grads]),
            ord=norm_type)

    coef = torch.clamp(max_norm / (total_norm() + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    return total_norm()
