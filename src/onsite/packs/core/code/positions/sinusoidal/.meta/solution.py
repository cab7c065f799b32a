import torch
from torch import Tensor


def sinusoidal_positions(num_positions: int, d_model: int, base: float = 10000.0,
                         dtype: torch.dtype = torch.float32) -> Tensor:
    # float64 angles: positions times frequencies stay accurate for long sequences.
    positions = torch.arange(num_positions, dtype=torch.float64)[:, None]  # (P, 1)
    columns = torch.arange(d_model)
    pair = torch.div(columns, 2, rounding_mode="floor")  # columns 2i and 2i+1 share frequency i
    freq = base ** (-2.0 * pair.to(torch.float64) / d_model)  # (d_model,), geometric in i
    angles = positions * freq[None, :]  # (P, d_model)
    # Even column -> sine, odd column -> cosine; an odd d_model just ends on a sine.
    table = torch.where(columns % 2 == 0, torch.sin(angles), torch.cos(angles))
    return table.to(dtype)
