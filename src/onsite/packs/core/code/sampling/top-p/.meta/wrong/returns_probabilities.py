"""Returns the renormalised nucleus probabilities instead of filtered logits."""
import torch


def top_p_filter(logits, p, temperature=1.0):
    probs = torch.softmax(logits / temperature, dim=-1)
    if p >= 1.0:
        return probs
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True, stable=True)
    cumulative = sorted_probs.cumsum(dim=-1)
    keep_sorted = (cumulative - sorted_probs) < p
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    kept = probs * keep
    return kept / kept.sum(dim=-1, keepdim=True)


def sample_top_p(logits, p, generator, temperature=1.0):
    probs = top_p_filter(logits, p, temperature)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
