"""Ranks with argsort(descending=True), which is not stable: ties get cut at the wrong token."""
import torch


def top_p_filter(logits, p, temperature=1.0):
    scaled = logits / temperature
    if p >= 1.0:
        return scaled
    probs = torch.softmax(scaled, dim=-1)
    order = torch.argsort(probs, dim=-1, descending=True)
    sorted_probs = probs.gather(-1, order)
    cumulative = sorted_probs.cumsum(dim=-1)
    mass_before = torch.cat([torch.zeros_like(cumulative[..., :1]), cumulative[..., :-1]], -1)
    keep_sorted = mass_before < p
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return scaled.masked_fill(~keep, float("-inf"))


def sample_top_p(logits, p, generator, temperature=1.0):
    probs = torch.softmax(top_p_filter(logits, p, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
