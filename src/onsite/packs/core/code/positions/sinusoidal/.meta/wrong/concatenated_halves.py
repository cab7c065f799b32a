"""Concatenates all sines then all cosines ([sin | cos]) instead of interleaving them."""
import torch


def sinusoidal_positions(num_positions, d_model, base=10000.0, dtype=torch.float32):
    p = torch.arange(num_positions, dtype=torch.float64)[:, None]
    n_sin = (d_model + 1) // 2
    i = torch.arange(n_sin).double()
    angles = p * base ** (-2.0 * i / d_model)
    return torch.cat([angles.sin(), angles.cos()[:, : d_model - n_sin]], dim=1).to(dtype)
