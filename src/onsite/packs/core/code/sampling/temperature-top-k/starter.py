import torch
from torch import Tensor


def top_k_filter(logits: Tensor, k: int, temperature: float = 1.0) -> Tensor:
    """Return logits / temperature with every token below the k-th largest value set to -inf."""
    raise NotImplementedError("scale, find the k-th largest value per row, mask what is below it")


def sample_top_k(
    logits: Tensor, k: int, generator: torch.Generator, temperature: float = 1.0
) -> Tensor:
    """Draw one token per row of logits (..., V) from the top-k set; returns int64 of shape (...)."""
    raise NotImplementedError("filter, softmax, then one torch.multinomial call")
