"""Picks the nucleus from the untempered distribution and applies the temperature afterwards."""
import torch


def top_p_filter(logits, p, temperature=1.0):
    if p >= 1.0:
        return logits / temperature
    probs = torch.softmax(logits, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True, stable=True)
    cumulative = sorted_probs.cumsum(dim=-1)
    keep_sorted = (cumulative - sorted_probs) < p
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf")) / temperature


def sample_top_p(logits, p, generator, temperature=1.0):
    probs = torch.softmax(top_p_filter(logits, p, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
