"""Samples in sorted order and maps back: right distribution, but not the specified draw."""
import torch


def top_p_filter(logits, p, temperature=1.0):
    scaled = logits / temperature
    if p >= 1.0:
        return scaled
    probs = torch.softmax(scaled, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True, stable=True)
    cumulative = sorted_probs.cumsum(dim=-1)
    mass_before = torch.cat([torch.zeros_like(cumulative[..., :1]), cumulative[..., :-1]], -1)
    keep = torch.zeros_like(order, dtype=torch.bool).scatter(-1, order, mass_before < p)
    return scaled.masked_fill(~keep, float("-inf"))


def sample_top_p(logits, p, generator, temperature=1.0):
    probs = torch.softmax(top_p_filter(logits, p, temperature), dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True, stable=True)
    flat_probs = sorted_probs.reshape(-1, probs.size(-1))
    picks = torch.multinomial(flat_probs, 1, generator=generator)
    tokens = order.reshape(-1, probs.size(-1)).gather(-1, picks)
    return tokens.reshape(logits.shape[:-1])
