"""Accumulates probabilities in vocabulary order instead of sorting them from most likely down."""
import torch


def top_p_filter(logits, p, temperature=1.0):
    scaled = logits / temperature
    if p >= 1.0:
        return scaled
    probs = torch.softmax(scaled, dim=-1)
    cumulative = probs.cumsum(dim=-1)
    keep = (cumulative - probs) < p
    return scaled.masked_fill(~keep, float("-inf"))


def sample_top_p(logits, p, generator, temperature=1.0):
    probs = torch.softmax(top_p_filter(logits, p, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
