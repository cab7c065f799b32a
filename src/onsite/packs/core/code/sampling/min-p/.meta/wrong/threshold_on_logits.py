"""Compares logits with p_min times the largest logit, mixing logit and probability space."""
import torch


def min_p_filter(logits, p_min, temperature=1.0):
    scaled = logits / temperature
    keep = scaled >= p_min * scaled.amax(dim=-1, keepdim=True)
    return scaled.masked_fill(~keep, float("-inf"))


def sample_min_p(logits, p_min, generator, temperature=1.0):
    probs = torch.softmax(min_p_filter(logits, p_min, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
