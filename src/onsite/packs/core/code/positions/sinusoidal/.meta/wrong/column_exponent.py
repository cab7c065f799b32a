"""Uses the column index in the exponent (base**(-c/d)) instead of the pair index (base**(-2i/d))."""
import torch


def sinusoidal_positions(num_positions, d_model, base=10000.0, dtype=torch.float32):
    p = torch.arange(num_positions, dtype=torch.float64)[:, None]
    c = torch.arange(d_model)
    angles = p * base ** (-c.double() / d_model)
    return torch.where(c % 2 == 0, angles.sin(), angles.cos()).to(dtype)
