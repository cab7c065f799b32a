"""Computes exp(z) / sum(exp(z)) without subtracting the maximum: large logits give inf and nan."""
import torch


def min_p_filter(logits, p_min, temperature=1.0):
    scaled = logits / temperature
    e = torch.exp(scaled)
    probs = e / e.sum(dim=-1, keepdim=True)
    keep = probs >= p_min * probs.amax(dim=-1, keepdim=True)
    return scaled.masked_fill(~keep, float("-inf"))


def sample_min_p(logits, p_min, generator, temperature=1.0):
    probs = torch.softmax(min_p_filter(logits, p_min, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
