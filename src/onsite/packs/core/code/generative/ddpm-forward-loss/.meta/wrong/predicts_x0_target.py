"""Regresses the model output on the clean data x0 instead of on the noise."""
import torch


def linear_beta_schedule(T, beta_start=1e-4, beta_end=0.02):
    return torch.linspace(beta_start, beta_end, T, dtype=torch.float64)


def alpha_bars(betas):
    return torch.cumprod(1.0 - betas, dim=0)


def q_sample(x0, t, noise, alpha_bar):
    ab = alpha_bar[t].to(x0.dtype).view(-1, *([1] * (x0.dim() - 1)))
    return ab.sqrt() * x0 + (1 - ab).sqrt() * noise


def ddpm_loss(model, x0, t, noise, alpha_bar):
    x_t = q_sample(x0, t, noise, alpha_bar)
    return ((model(x_t, t) - x0) ** 2).mean()
