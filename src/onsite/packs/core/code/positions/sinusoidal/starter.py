import torch
from torch import Tensor


def sinusoidal_positions(num_positions: int, d_model: int, base: float = 10000.0,
                         dtype: torch.dtype = torch.float32) -> Tensor:
    """(num_positions, d_model): column 2i = sin(p * base**(-2i/d)), column 2i+1 = cos(same)."""
    raise NotImplementedError("one frequency per column pair; sine on even, cosine on odd columns")
