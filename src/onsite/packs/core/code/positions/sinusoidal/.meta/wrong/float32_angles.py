"""Computes the angles in float32, which loses accuracy at large positions."""
import torch


def sinusoidal_positions(num_positions, d_model, base=10000.0, dtype=torch.float32):
    p = torch.arange(num_positions, dtype=torch.float32)[:, None]
    c = torch.arange(d_model)
    angles = p * base ** (-2.0 * (c // 2).float() / d_model)
    return torch.where(c % 2 == 0, angles.sin(), angles.cos()).to(dtype)
