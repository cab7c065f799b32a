"""Divides every seen logit by the penalty, which pushes negative logits up instead of down."""
import torch


def apply_repetition_penalty(logits, prev_ids, penalty):
    vocab = logits.size(1)
    ids = torch.where(prev_ids >= 0, prev_ids, torch.full_like(prev_ids, vocab))
    seen = torch.zeros(logits.size(0), vocab + 1, dtype=torch.bool).scatter(1, ids, True)[:, :vocab]
    return torch.where(seen, logits / penalty, logits)
