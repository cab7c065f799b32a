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
    """Apply one update to every tensor in params, in place.

    state starts empty and is passed back on every later call: keep the step
    count and the moment estimates in it.
    """
    raise NotImplementedError("add the L2 term to g, update m and v, bias-correct, step")
