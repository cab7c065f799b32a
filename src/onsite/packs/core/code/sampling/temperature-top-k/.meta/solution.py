import torch
from torch import Tensor


def top_k_filter(logits: Tensor, k: int, temperature: float = 1.0) -> Tensor:
    # Temperature first: the kept set does not change (division by T > 0 is monotone),
    # but the kept values must be the scaled logits.
    scaled = logits / temperature
    vocab = scaled.size(-1)
    if k >= vocab:
        return scaled
    # The k-th largest value of each row; keepdim-style slice so it broadcasts over V.
    threshold = torch.topk(scaled, k, dim=-1).values[..., -1:]
    # Compare by value, not by index: every token tied with the k-th value stays.
    return scaled.masked_fill(scaled < threshold, float("-inf"))


def sample_top_k(
    logits: Tensor, k: int, generator: torch.Generator, temperature: float = 1.0
) -> Tensor:
    filtered = top_k_filter(logits, k, temperature)
    probs = torch.softmax(filtered, dim=-1)
    # multinomial takes 1-D or 2-D input: flatten the leading dimensions row-major.
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
