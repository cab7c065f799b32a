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
    """One Lion step, in place: sign of the beta1-interpolation, then update m with beta2."""
    raise NotImplementedError("c = b1*m + (1-b1)*g; p -= lr*(sign(c) + wd*p); m = b2*m + (1-b2)*g")
