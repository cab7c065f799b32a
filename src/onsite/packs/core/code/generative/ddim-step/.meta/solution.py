import math
from collections.abc import Callable

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
    a_t = float(alpha_bar[t])
    # t_prev = -1 is "clean data": alpha_bar = 1 there. Indexing alpha_bar[-1] would read
    # the noisiest level instead, so it is handled before any indexing.
    a_prev = float(alpha_bar[t_prev]) if t_prev >= 0 else 1.0
    # Invert x_t = sqrt(a_t) x0 + sqrt(1 - a_t) eps for x0.
    x0_pred = (x_t - math.sqrt(1 - a_t) * eps) / math.sqrt(a_t)
    # eta interpolates between DDIM (0) and the DDPM posterior standard deviation (1).
    sigma = eta * math.sqrt((1 - a_prev) / (1 - a_t)) * math.sqrt(1 - a_t / a_prev)
    # The noise budget at t_prev is 1 - a_prev: sigma^2 goes to fresh noise, the rest
    # to the predicted direction. max() guards against -1e-17 from rounding.
    direction = math.sqrt(max(1 - a_prev - sigma**2, 0.0)) * eps
    x_prev = math.sqrt(a_prev) * x0_pred + direction
    if sigma > 0:
        if noise is None:
            raise ValueError("eta > 0 needs noise")
        x_prev = x_prev + sigma * noise
    return x_prev, x0_pred


def ddim_sample(
    model: Callable[[Tensor, int], Tensor],
    x_T: Tensor,
    alpha_bar: Tensor,
    timesteps: list[int],
    eta: float = 0.0,
    noises: list[Tensor] | None = None,
) -> Tensor:
    x = x_T
    targets = list(timesteps[1:]) + [-1]
    for i, (t, t_prev) in enumerate(zip(timesteps, targets, strict=True)):
        eps = model(x, t)
        noise = noises[i] if noises is not None else None
        x, _ = ddim_step(x, eps, alpha_bar, t, t_prev, eta, noise)
    return x
