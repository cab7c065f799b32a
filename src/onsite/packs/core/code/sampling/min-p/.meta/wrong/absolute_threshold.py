"""Keeps tokens with probability >= p_min, forgetting to scale the threshold by the top probability."""
import torch


def min_p_filter(logits, p_min, temperature=1.0):
    scaled = logits / temperature
    probs = torch.softmax(scaled, dim=-1)
    keep = (probs >= p_min) | (probs == probs.amax(dim=-1, keepdim=True))
    return scaled.masked_fill(~keep, float("-inf"))


def sample_min_p(logits, p_min, generator, temperature=1.0):
    probs = torch.softmax(min_p_filter(logits, p_min, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
