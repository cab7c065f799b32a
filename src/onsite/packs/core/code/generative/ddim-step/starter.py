from collections.abc import Callable

import torch
from torch import Tensor


def ddim_step(
    x_t: Tensor,
    eps: Tensor,
    alpha_bar: Tensor,
    t: int,
    t_prev: int,
    eta: float = 0.0,
    noise: Tensor | None = None,
) -> tuple[Tensor, Tensor]:
    """One DDIM update from t to t_prev (t_prev = -1: alpha_bar_prev = 1); returns (x_prev, x0_pred)."""
    raise NotImplementedError("predict x0, then re-noise it to the level of t_prev")


def ddim_sample(
    model: Callable[[Tensor, int], Tensor],
    x_T: Tensor,
    alpha_bar: Tensor,
    timesteps: list[int],
    eta: float = 0.0,
    noises: list[Tensor] | None = None,
) -> Tensor:
    """Run ddim_step along the decreasing timesteps, ending at t_prev = -1."""
    raise NotImplementedError("pair each timestep with the next one (or -1)")
