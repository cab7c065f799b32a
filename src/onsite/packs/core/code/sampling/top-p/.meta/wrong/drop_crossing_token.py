"""Keeps only tokens whose cumulative sum stays within p, dropping the one that crosses it."""
import torch


def top_p_filter(logits, p, temperature=1.0):
    scaled = logits / temperature
    probs = torch.softmax(scaled, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True, stable=True)
    keep_sorted = sorted_probs.cumsum(dim=-1) <= p
    keep_sorted[..., 0] = True
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return scaled.masked_fill(~keep, float("-inf"))


def sample_top_p(logits, p, generator, temperature=1.0):
    probs = torch.softmax(top_p_filter(logits, p, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
