"""Averages the perplexities of the sequences instead of pooling all tokens."""
import torch


def token_log_probs(logits, targets):
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def perplexity(logits, targets, mask):
    w = mask.to(logits.dtype)
    nll = -token_log_probs(logits, targets)
    counted = w.sum(dim=1) > 0
    per_seq = torch.exp((nll * w).sum(dim=1)[counted] / w.sum(dim=1)[counted])
    return per_seq.mean()
