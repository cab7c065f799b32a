"""Zeroes the padded NLLs but divides by B * T instead of the number of counted tokens."""
import torch


def token_log_probs(logits, targets):
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def perplexity(logits, targets, mask):
    nll = -token_log_probs(logits, targets) * mask.to(logits.dtype)
    return torch.exp(nll.mean())
