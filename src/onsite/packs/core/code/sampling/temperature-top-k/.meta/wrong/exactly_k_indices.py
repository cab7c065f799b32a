"""Keeps exactly the k indices torch.topk returns, so tokens tied with the k-th value are dropped."""
import torch


def top_k_filter(logits, k, temperature=1.0):
    scaled = logits / temperature
    k = min(k, scaled.size(-1))
    idx = torch.topk(scaled, k, dim=-1).indices
    keep = torch.zeros_like(scaled, dtype=torch.bool).scatter(-1, idx, True)
    return scaled.masked_fill(~keep, float("-inf"))


def sample_top_k(logits, k, generator, temperature=1.0):
    probs = torch.softmax(top_k_filter(logits, k, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
