"""Averages each sequence's mean NLL with equal weight per sequence before exponentiating."""
import torch


def token_log_probs(logits, targets):
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def perplexity(logits, targets, mask):
    w = mask.to(logits.dtype)
    nll = -token_log_probs(logits, targets)
    counted = w.sum(dim=1) > 0
    per_seq = (nll * w).sum(dim=1)[counted] / w.sum(dim=1)[counted]
    return torch.exp(per_seq.mean())
