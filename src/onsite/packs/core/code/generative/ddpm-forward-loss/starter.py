from collections.abc import Callable

import torch
from torch import Tensor


def linear_beta_schedule(T: int, beta_start: float = 1e-4, beta_end: float = 0.02) -> Tensor:
    """(T,) float64 betas, evenly spaced from beta_start to beta_end inclusive."""
    raise NotImplementedError("T evenly spaced values, both ends included")


def alpha_bars(betas: Tensor) -> Tensor:
    """(T,) cumulative products of (1 - beta); entry t includes step t."""
    raise NotImplementedError("alpha = 1 - beta, then a running product")


def q_sample(x0: Tensor, t: Tensor, noise: Tensor, alpha_bar: Tensor) -> Tensor:
    """Noise x0 (B, ...) to the per-example timesteps t (B,), 0-indexed; dtype of x0."""
    raise NotImplementedError("pick alpha_bar[t] per example and broadcast over the data dims")


def ddpm_loss(
    model: Callable[[Tensor, Tensor], Tensor], x0: Tensor, t: Tensor, noise: Tensor, alpha_bar: Tensor
) -> Tensor:
    """Mean squared error between model(x_t, t) and the noise that made x_t."""
    raise NotImplementedError("noise x0 to x_t, predict the noise, regress on it")
