"""Updates the momentum before computing the direction, so c uses the new m."""
import torch
from torch import Tensor


def lion_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float,
    betas: tuple[float, float] = (0.9, 0.99),
    weight_decay: float = 0.0,
) -> None:
    beta1, beta2 = betas
    if not state:
        state["exp_avg"] = [torch.zeros_like(p) for p in params]
    for p, g, m in zip(params, grads, state["exp_avg"], strict=True):
        # The direction mixes the *old* momentum with the new gradient (beta1) ...
        m.mul_(beta2).add_(g, alpha=1.0 - beta2)
        c = m * beta1 + g * (1.0 - beta1)
        # ... decoupled decay on the old weights, then a step of exactly lr per coordinate.
        p.mul_(1.0 - lr * weight_decay)
        p.add_(torch.sign(c), alpha=-lr)  # sign(0) = 0: no move
