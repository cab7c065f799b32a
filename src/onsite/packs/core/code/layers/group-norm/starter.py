import torch
from torch import Tensor


def group_norm(
    x: Tensor, num_groups: int, weight: Tensor | None = None, bias: Tensor | None = None, eps: float = 1e-5
) -> Tensor:
    """Normalise x (N, C, *) over contiguous groups of C / num_groups channels, then a per-channel affine."""
    raise NotImplementedError("reshape to (N, G, -1), normalise each row, reshape back, affine per channel")
