"""Divides the exponent by d_model // 2 (2i/(d/2)), so frequencies fall off twice as fast."""
import torch


def sinusoidal_positions(num_positions, d_model, base=10000.0, dtype=torch.float32):
    p = torch.arange(num_positions, dtype=torch.float64)[:, None]
    c = torch.arange(d_model)
    angles = p * base ** (-2.0 * (c // 2).double() / max(d_model // 2, 1))
    return torch.where(c % 2 == 0, angles.sin(), angles.cos()).to(dtype)
