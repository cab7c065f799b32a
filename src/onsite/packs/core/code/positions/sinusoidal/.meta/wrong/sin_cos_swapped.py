"""Puts the cosine on even columns and the sine on odd columns."""
import torch


def sinusoidal_positions(num_positions, d_model, base=10000.0, dtype=torch.float32):
    p = torch.arange(num_positions, dtype=torch.float64)[:, None]
    c = torch.arange(d_model)
    angles = p * base ** (-2.0 * (c // 2).double() / d_model)
    return torch.where(c % 2 == 0, angles.cos(), angles.sin()).to(dtype)
