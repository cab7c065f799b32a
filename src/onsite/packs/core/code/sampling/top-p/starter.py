import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float, temperature: float = 1.0) -> Tensor:
    """Return logits / temperature with every token outside the top-p nucleus set to -inf."""
    raise NotImplementedError("scale by the temperature, sort, accumulate, mask the tail")


def sample_top_p(
    logits: Tensor, p: float, generator: torch.Generator, temperature: float = 1.0
) -> Tensor:
    """Draw one token per row of logits (..., V) from the nucleus; returns int64 of shape (...)."""
    raise NotImplementedError("filter, softmax, then one torch.multinomial call")
