import torch
from torch import Tensor


def rmsprop_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float = 0.01,
    alpha: float = 0.99,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    momentum: float = 0.0,
    centered: bool = False,
) -> None:
    if not state:
        # Every average starts at zero; RMSprop has no bias correction, so the
        # first steps are larger than later ones (about lr / sqrt(1 - alpha)).
        state["square_avg"] = [torch.zeros_like(p) for p in params]
        state["grad_avg"] = [torch.zeros_like(p) for p in params]
        state["buf"] = [torch.zeros_like(p) for p in params]

    for p, g, v, gbar, buf in zip(params, grads, state["square_avg"], state["grad_avg"],
                                  state["buf"], strict=True):
        if weight_decay != 0:
            g = g + weight_decay * p  # coupled L2: the decay is normalised too
        # alpha weighs the old average, 1 - alpha the new squared gradient.
        v.mul_(alpha).addcmul_(g, g, value=1.0 - alpha)
        if centered:
            # v - gbar^2 estimates the variance of g: a consistent gradient is
            # not penalised for being large, only for being noisy.
            gbar.mul_(alpha).add_(g, alpha=1.0 - alpha)
            denom = (v - gbar * gbar).sqrt() + eps
        else:
            denom = v.sqrt() + eps  # eps outside the root
        if momentum > 0:
            # The buffer accumulates the normalised step, not the raw gradient.
            buf.mul_(momentum).addcdiv_(g, denom)
            p.add_(buf, alpha=-lr)
        else:
            p.addcdiv_(g, denom, value=-lr)
