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
    """Apply one update to every tensor in params, in place.

    state starts empty and is passed back on every later call: keep the
    running averages (and momentum buffers) in it.
    """
    raise NotImplementedError("average g^2 (and g if centered), divide, optional momentum, step")
