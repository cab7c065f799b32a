"""Implements the global variant by pruning each tensor separately at the same sparsity."""
import torch
from torch import Tensor


def _prune_flat(magnitudes: Tensor, sparsity: float) -> Tensor:
    """Keep-mask over a flat vector: drop the k smallest, lower index first among equals."""
    n = magnitudes.numel()
    k = round(sparsity * n)
    order = torch.sort(magnitudes, stable=True).indices
    keep = torch.ones(n, dtype=torch.bool)
    keep[order[:k]] = False
    return keep


def magnitude_prune(weight: Tensor, sparsity: float) -> Tensor:
    return _prune_flat(weight.detach().abs().reshape(-1), sparsity).reshape(weight.shape)


def global_magnitude_prune(weights: list[Tensor], sparsity: float) -> list[Tensor]:
    return [magnitude_prune(w, sparsity) for w in weights]
