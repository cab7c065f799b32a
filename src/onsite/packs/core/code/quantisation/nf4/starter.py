import torch
from torch import Tensor

NF4_LEVELS = torch.tensor([
    -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
    -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
    0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
    0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
], dtype=torch.float32)


def nf4_quantize(x: Tensor, block_size: int = 64) -> tuple[Tensor, Tensor]:
    """Return (packed uint8 (numel / 2,), absmax float32 (n_blocks,)) for x flattened row-major."""
    raise NotImplementedError("flatten, absmax per block, normalise, nearest level, pack nibbles")


def nf4_dequantize(packed: Tensor, absmax: Tensor, shape: tuple[int, ...],
                   block_size: int = 64) -> Tensor:
    """Return the float32 tensor of the given shape that the codes and block absmax describe."""
    raise NotImplementedError("unpack high then low nibble, look up levels, multiply by absmax")
