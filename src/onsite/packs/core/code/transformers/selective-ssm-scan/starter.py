import torch
from torch import Tensor


def discretize(delta: Tensor, A: Tensor, B: Tensor, x: Tensor) -> tuple[Tensor, Tensor]:
    """A_bar = exp(delta * A), Bx_bar = delta * B * x, both (Bt, L, D, N)."""
    raise NotImplementedError("broadcast delta (Bt, L, D, 1) against A (D, N) and B (Bt, L, 1, N)")


def selective_scan(
    x: Tensor, delta: Tensor, A: Tensor, B: Tensor, C: Tensor, D_skip: Tensor, h0: Tensor | None = None
) -> tuple[Tensor, Tensor]:
    """y (Bt, L, D) and the final state (Bt, D, N) of h_t = A_bar_t * h_{t-1} + Bx_bar_t."""
    raise NotImplementedError("discretise, loop over positions, read y_t = C_t . h_t + D * x_t")
