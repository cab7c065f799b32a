import torch
from torch import Tensor


def dropout(x: Tensor, p: float, training: bool, generator: torch.Generator) -> Tensor:
    """Zero each element with probability p and scale the rest by 1/(1-p) (training only)."""
    raise NotImplementedError("handle eval, p=0 and p=1 first; then keep = rand >= p, scale")
