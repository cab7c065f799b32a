import torch
from torch import Tensor


def min_p_filter(logits: Tensor, p_min: float, temperature: float = 1.0) -> Tensor:
    """Return logits / temperature with every token below p_min * (top probability) set to -inf."""
    raise NotImplementedError("scale, softmax, compare with p_min times the row maximum, mask")


def sample_min_p(
    logits: Tensor, p_min: float, generator: torch.Generator, temperature: float = 1.0
) -> Tensor:
    """Draw one token per row of logits (..., V) from the min-p set; returns int64 of shape (...)."""
    raise NotImplementedError("filter, softmax, then one torch.multinomial call")
