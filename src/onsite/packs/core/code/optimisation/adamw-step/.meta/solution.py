import torch
from torch import Tensor


def adamw_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.01,
) -> None:
    beta1, beta2 = betas
    if not state:
        state["step"] = 0
        state["m"] = [torch.zeros_like(p) for p in params]
        state["v"] = [torch.zeros_like(p) for p in params]
    # One counter for the whole call, not one per tensor: every parameter is at
    # the same step t.
    state["step"] += 1
    t = state["step"]
    # The moments start at zero, so early averages are biased towards zero;
    # dividing by 1 - beta^t removes exactly that bias.
    bias1 = 1.0 - beta1**t
    bias2 = 1.0 - beta2**t

    for p, g, m, v in zip(params, grads, state["m"], state["v"], strict=True):
        # Decoupled weight decay: shrink the weights directly, using their value
        # before this step's update, and keep the decay out of the moments.
        p.mul_(1.0 - lr * weight_decay)
        m.mul_(beta1).add_(g, alpha=1.0 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1.0 - beta2)
        m_hat = m / bias1
        v_hat = v / bias2
        # eps outside the root: it only guards the division when v_hat is ~0.
        p.sub_(lr * m_hat / (v_hat.sqrt() + eps))

