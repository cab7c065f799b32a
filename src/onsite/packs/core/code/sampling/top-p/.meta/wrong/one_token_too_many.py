"""Removes a token only when the mass before it exceeds p, so an exact hit keeps one extra token."""
import torch


def top_p_filter(logits, p, temperature=1.0):
    scaled = logits / temperature
    probs = torch.softmax(scaled, dim=-1)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True, stable=True)
    remove_sorted = sorted_probs.cumsum(dim=-1) > p
    # shift right so the token that crosses p survives
    remove_sorted[..., 1:] = remove_sorted[..., :-1].clone()
    remove_sorted[..., 0] = False
    remove = torch.zeros_like(remove_sorted).scatter(-1, order, remove_sorted)
    return scaled.masked_fill(remove, float("-inf"))


def sample_top_p(logits, p, generator, temperature=1.0):
    probs = torch.softmax(top_p_filter(logits, p, temperature), dim=-1)
    draws = torch.multinomial(probs.reshape(-1, probs.size(-1)), 1, generator=generator)
    return draws.reshape(logits.shape[:-1])
