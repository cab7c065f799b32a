from collections.abc import Callable

import torch
from torch import Tensor


def linear_beta_schedule(T: int, beta_start: float = 1e-4, beta_end: float = 0.02) -> Tensor:
    # float64: the product of 1000 factors near 1 loses digits in float32.
    return torch.linspace(beta_start, beta_end, T, dtype=torch.float64)


def alpha_bars(betas: Tensor) -> Tensor:
    # alpha_bar[t] = prod_{s <= t} (1 - beta_s): composing t + 1 Gaussian steps.
    return torch.cumprod(1.0 - betas, dim=0)


def _per_example(values: Tensor, like: Tensor) -> Tensor:
    """(B,) -> (B, 1, ..., 1) in the dtype of `like`, so it scales whole examples."""
    return values.to(like.dtype).view(-1, *([1] * (like.dim() - 1)))


def q_sample(x0: Tensor, t: Tensor, noise: Tensor, alpha_bar: Tensor) -> Tensor:
    ab = _per_example(alpha_bar[t], x0)
    # q(x_t | x_0) = N(sqrt(ab) x_0, (1 - ab) I): the square roots are the std-scale factors.
    return ab.sqrt() * x0 + (1.0 - ab).sqrt() * noise


def ddpm_loss(
    model: Callable[[Tensor, Tensor], Tensor], x0: Tensor, t: Tensor, noise: Tensor, alpha_bar: Tensor
) -> Tensor:
    x_t = q_sample(x0, t, noise, alpha_bar)
    # The simplified objective of Ho et al.: plain MSE on the noise, averaged over everything.
    return ((model(x_t, t) - noise) ** 2).mean()
