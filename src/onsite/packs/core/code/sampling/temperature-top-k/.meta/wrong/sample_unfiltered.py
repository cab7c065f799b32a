"""Samples from the softmax of the scaled logits, forgetting to apply the top-k filter."""
import torch


def top_k_filter(logits, k, temperature=1.0):
    scaled = logits / temperature
    if k >= scaled.size(-1):
        return scaled
    threshold = torch.topk(scaled, k, dim=-1).values[..., -1:]
    return scaled.masked_fill(scaled < threshold, float("-inf"))


def sample_top_k(logits, k, generator, temperature=1.0):
    probs = torch.softmax(logits / temperature, dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
