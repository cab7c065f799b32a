"""Reads alpha_bar[t - 1] at t = 0 too: Python's index -1 silently returns the last alpha_bar
(near 0), so the posterior variance at the last steps is wrong.
"""
import math
from collections.abc import Callable

from torch import Tensor


def ddpm_sample_cfg(
    eps_model: Callable[[Tensor, int, Tensor | None], Tensor],
    x_T: Tensor,
    betas: Tensor,
    cond: Tensor,
    guidance_scale: float,
    noises: Tensor,
    capture_t: int,
    variance: str = "posterior",
) -> tuple[Tensor, Tensor]:
    T = betas.shape[0]
    betas = betas.double().tolist()
    alpha_bar, prod = [], 1.0
    for b in betas:
        prod *= 1.0 - b
        alpha_bar.append(prod)

    x = x_T
    captured = None
    for t in range(T - 1, -1, -1):
        if t == capture_t:
            captured = x
        eps_c = eps_model(x, t, cond)
        eps_u = eps_model(x, t, None)
        eps = eps_u + guidance_scale * (eps_c - eps_u)   # w = 1: purely conditional

        beta_t = betas[t]
        alpha_t = 1.0 - beta_t                           # one step, not the product
        ab_t = alpha_bar[t]
        ab_prev = alpha_bar[t - 1]
        mean = (x - (beta_t / math.sqrt(1.0 - ab_t)) * eps) / math.sqrt(alpha_t)

        if variance == "posterior":
            var = (1.0 - ab_prev) / (1.0 - ab_t) * beta_t   # beta-tilde of the q posterior
        elif variance == "beta":
            var = beta_t
        else:
            raise ValueError(f"unknown variance {variance!r}")
        x = mean + math.sqrt(var) * noises[t]
    return x, captured
