import torch
from torch import Tensor


def adam_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    amsgrad: bool = False,
) -> None:
    beta1, beta2 = betas
    if not state:
        state["step"] = 0
        state["m"] = [torch.zeros_like(p) for p in params]
        state["v"] = [torch.zeros_like(p) for p in params]
        state["v_max"] = [torch.zeros_like(p) for p in params]
    # One step count per call, shared by every tensor.
    state["step"] += 1
    t = state["step"]
    # m and v start at zero, so their early values are shrunk by 1 - beta^t;
    # dividing by that factor undoes the shrinkage.
    bias1 = 1.0 - beta1**t
    bias2 = 1.0 - beta2**t

    for p, g, m, v, v_max in zip(params, grads, state["m"], state["v"], state["v_max"],
                                 strict=True):
        # L2 regularisation: the penalty's gradient joins g and is then averaged
        # and normalised like the rest of it (the "coupled" decay of Adam).
        if weight_decay != 0:
            g = g + weight_decay * p
        m.mul_(beta1).add_(g, alpha=1.0 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1.0 - beta2)
        if amsgrad:
            # The maximum is over the raw second moment; the current bias
            # correction is applied afterwards.
            torch.maximum(v_max, v, out=v_max)
            v_hat = v_max / bias2
        else:
            v_hat = v / bias2
        m_hat = m / bias1
        p.sub_(lr * m_hat / (v_hat.sqrt() + eps))  # eps outside the root
