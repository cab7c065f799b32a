import torch
from torch import Tensor


def magnitude_prune(weight: Tensor, sparsity: float) -> Tensor:
    """Return a bool keep-mask of weight's shape with round(sparsity * numel) smallest |w| False."""
    raise NotImplementedError("rank |w| (stable, ascending), drop the first k")


def global_magnitude_prune(weights: list[Tensor], sparsity: float) -> list[Tensor]:
    """Return one bool keep-mask per tensor, ranking all weights of all tensors together."""
    raise NotImplementedError("concatenate the flattened magnitudes, prune once, split back")
