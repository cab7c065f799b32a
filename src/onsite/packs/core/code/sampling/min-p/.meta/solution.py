import torch
from torch import Tensor


def min_p_filter(logits: Tensor, p_min: float, temperature: float = 1.0) -> Tensor:
    # Temperature first: it reshapes the distribution and so changes which tokens pass.
    scaled = logits / temperature
    # torch.softmax subtracts the row maximum, so large logits stay finite.
    probs = torch.softmax(scaled, dim=-1)
    # The threshold scales with the top probability of each row.
    threshold = p_min * probs.amax(dim=-1, keepdim=True)
    keep = probs >= threshold  # inclusive: the top token always survives
    return scaled.masked_fill(~keep, float("-inf"))


def sample_min_p(
    logits: Tensor, p_min: float, generator: torch.Generator, temperature: float = 1.0
) -> Tensor:
    filtered = min_p_filter(logits, p_min, temperature)
    probs = torch.softmax(filtered, dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
