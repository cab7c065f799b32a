"""Takes the threshold from sorted index k instead of k - 1, keeping k + 1 tokens."""
import torch


def top_k_filter(logits, k, temperature=1.0):
    scaled = logits / temperature
    if k >= scaled.size(-1):
        return scaled
    sorted_vals = torch.sort(scaled, dim=-1, descending=True).values
    threshold = sorted_vals[..., k:k + 1]
    return scaled.masked_fill(scaled < threshold, float("-inf"))


def sample_top_k(logits, k, generator, temperature=1.0):
    probs = torch.softmax(top_k_filter(logits, k, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
