"""Averages the per-token perplexity 1/p instead of exponentiating the mean NLL."""
import torch


def token_log_probs(logits, targets):
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def perplexity(logits, targets, mask):
    w = mask.to(logits.dtype)
    return (torch.exp(-token_log_probs(logits, targets)) * w).sum() / w.sum()
