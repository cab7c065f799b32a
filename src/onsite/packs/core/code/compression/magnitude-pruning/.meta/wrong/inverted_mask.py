"""Returns True for the pruned weights instead of the kept ones."""
import torch
from torch import Tensor


def _prune_flat(magnitudes: Tensor, sparsity: float) -> Tensor:
    """Keep-mask over a flat vector: drop the k smallest, lower index first among equals."""
    n = magnitudes.numel()
    k = round(sparsity * n)
    order = torch.sort(magnitudes, stable=True).indices
    keep = torch.ones(n, dtype=torch.bool)
    keep[order[:k]] = False
    return ~keep


def magnitude_prune(weight: Tensor, sparsity: float) -> Tensor:
    return _prune_flat(weight.detach().abs().reshape(-1), sparsity).reshape(weight.shape)


def global_magnitude_prune(weights: list[Tensor], sparsity: float) -> list[Tensor]:
    flat = torch.cat([w.detach().abs().reshape(-1).to(torch.float64) for w in weights])
    keep = _prune_flat(flat, sparsity)
    masks, start = [], 0
    for w in weights:
        masks.append(keep[start:start + w.numel()].reshape(w.shape))
        start += w.numel()
    return masks
