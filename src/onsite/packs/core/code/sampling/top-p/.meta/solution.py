import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float, temperature: float = 1.0) -> Tensor:
    # Temperature reshapes the distribution, so it must act before the nucleus is chosen.
    scaled = logits / temperature
    if p >= 1.0:
        # Rounding can push a cumulative sum to 1.0 before the last token; p = 1 keeps all.
        return scaled
    probs = torch.softmax(scaled, dim=-1)
    # A stable sort keeps equal probabilities in index order: lower index ranks first.
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True, stable=True)
    cumulative = sorted_probs.cumsum(dim=-1)
    # Mass of the strictly more likely tokens: a token stays while that mass is still
    # below p, which keeps exactly the token that reaches or crosses p.
    mass_before = torch.cat(
        [torch.zeros_like(cumulative[..., :1]), cumulative[..., :-1]], dim=-1
    )
    keep_sorted = mass_before < p
    keep_sorted[..., 0] = True
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return scaled.masked_fill(~keep, float("-inf"))


def sample_top_p(
    logits: Tensor, p: float, generator: torch.Generator, temperature: float = 1.0
) -> Tensor:
    filtered = top_p_filter(logits, p, temperature)
    probs = torch.softmax(filtered, dim=-1)
    # multinomial takes 1-D or 2-D input: flatten the leading dimensions row-major.
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
