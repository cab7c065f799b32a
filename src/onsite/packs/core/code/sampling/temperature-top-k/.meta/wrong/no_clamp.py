"""Calls torch.topk with k unchecked, which raises when k exceeds the vocabulary size."""
import torch


def top_k_filter(logits, k, temperature=1.0):
    scaled = logits / temperature
    threshold = torch.topk(scaled, k, dim=-1).values[..., -1:]
    return scaled.masked_fill(scaled < threshold, float("-inf"))


def sample_top_k(logits, k, generator, temperature=1.0):
    probs = torch.softmax(top_k_filter(logits, k, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
