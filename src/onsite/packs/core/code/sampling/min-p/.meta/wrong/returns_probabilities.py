"""Returns the renormalised kept probabilities instead of filtered logits."""
import torch


def min_p_filter(logits, p_min, temperature=1.0):
    probs = torch.softmax(logits / temperature, dim=-1)
    kept = probs * (probs >= p_min * probs.amax(dim=-1, keepdim=True))
    return kept / kept.sum(dim=-1, keepdim=True)


def sample_min_p(logits, p_min, generator, temperature=1.0):
    probs = min_p_filter(logits, p_min, temperature)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
