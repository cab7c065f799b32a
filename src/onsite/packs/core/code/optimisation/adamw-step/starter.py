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
    """Apply one decoupled-weight-decay update to every tensor in params, in place.

    grads[i] is the gradient for params[i]. state starts as an empty dict and is
    passed back unchanged on every later call: keep the step count and the
    moment estimates in it, in any layout you like.
    """
    raise NotImplementedError("decay the weights, update the moments, bias-correct, step")
