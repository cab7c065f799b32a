import torch
from torch import Tensor


def sgd_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float,
    momentum: float = 0.0,
    dampening: float = 0.0,
    weight_decay: float = 0.0,
    nesterov: bool = False,
) -> None:
    """Apply one momentum update to every tensor in params, in place.

    grads[i] is the gradient for params[i]. state starts empty and is passed
    back on every later call: keep the momentum buffers in it.
    """
    raise NotImplementedError("add the decay to g, update the buffer (copy on step 1), step")
