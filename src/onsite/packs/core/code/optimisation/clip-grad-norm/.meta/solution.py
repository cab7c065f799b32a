import torch
from torch import Tensor


def clip_grad_norm(grads: list[Tensor], max_norm: float, norm_type: float = 2.0) -> Tensor:
    p = float(norm_type)
    # The norm of the concatenation of all gradients equals the p-norm of the
    # per-tensor p-norms (and for p = inf, the max of the per-tensor maxima).
    per_tensor = torch.stack([torch.linalg.vector_norm(g, ord=p) for g in grads])
    total = torch.linalg.vector_norm(per_tensor, ord=p)
    # One factor for every tensor, so the direction of the full gradient is
    # kept; never above 1, so small gradients are not scaled up. The 1e-6
    # keeps the division finite when every gradient is zero.
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    return total
