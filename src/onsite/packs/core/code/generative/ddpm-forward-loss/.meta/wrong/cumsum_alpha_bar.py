"""Computes alpha-bar as 1 - cumsum(beta) instead of the running product of (1 - beta)."""
import torch


def linear_beta_schedule(T, beta_start=1e-4, beta_end=0.02):
    return torch.linspace(beta_start, beta_end, T, dtype=torch.float64)


def alpha_bars(betas):
    return 1.0 - torch.cumsum(betas, dim=0)


def q_sample(x0, t, noise, alpha_bar):
    ab = alpha_bar[t].to(x0.dtype).view(-1, *([1] * (x0.dim() - 1)))
    return ab.sqrt() * x0 + (1 - ab).sqrt() * noise


def ddpm_loss(model, x0, t, noise, alpha_bar):
    x_t = q_sample(x0, t, noise, alpha_bar)
    return ((model(x_t, t) - noise) ** 2).mean()
