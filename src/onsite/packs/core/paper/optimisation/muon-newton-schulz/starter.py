import math

import torch
from torch import Tensor


def newton_schulz(G: Tensor, steps: int = 5, eps: float = 1e-7) -> Tensor:
    """Approximate U V^T of G with the quintic iteration (a, b, c) = (3.4445, -4.7750, 2.0315)."""
    raise NotImplementedError("transpose if tall, divide by ||G||_F + eps, iterate, transpose back")


def muon_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float,
    momentum: float = 0.95,
    nesterov: bool = True,
    weight_decay: float = 0.0,
    ns_steps: int = 5,
) -> None:
    """One Muon step, in place, for a list of 2-D parameters."""
    raise NotImplementedError("momentum, Nesterov, orthogonalise, decay, scaled step")
