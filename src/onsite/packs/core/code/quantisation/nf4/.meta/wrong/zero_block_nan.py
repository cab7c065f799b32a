"""Divides an all-zero block by its zero absmax, which gives NaN and a wrong code."""
import torch
from torch import Tensor

NF4_LEVELS = torch.tensor([
    -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
    -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
    0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
    0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
], dtype=torch.float32)


def _blocks(n: int, block_size: int) -> Tensor:
    """Block index of every flat position: 0 for the first block_size elements, and so on."""
    return torch.arange(n) // block_size


def nf4_quantize(x: Tensor, block_size: int = 64) -> tuple[Tensor, Tensor]:
    flat = x.detach().reshape(-1).to(torch.float32)
    n = flat.numel()
    block = _blocks(n, block_size)
    n_blocks = (n + block_size - 1) // block_size
    absmax = torch.zeros(n_blocks).scatter_reduce(0, block, flat.abs(), reduce="amax")
    normalised = flat / absmax[block]
    codes = (normalised[:, None] - NF4_LEVELS[None, :]).abs().argmin(dim=1).to(torch.uint8)
    packed = (codes[0::2] << 4) | codes[1::2]
    return packed, absmax


def nf4_dequantize(packed: Tensor, absmax: Tensor, shape: tuple[int, ...],
                   block_size: int = 64) -> Tensor:
    high = (packed >> 4) & 0xF
    low = packed & 0xF
    codes = torch.stack([high, low], dim=1).reshape(-1).long()
    values = NF4_LEVELS[codes] * absmax[_blocks(codes.numel(), block_size)]
    return values.reshape(shape)
