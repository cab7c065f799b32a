"""Writes the penalised values into the caller's logits tensor instead of returning a copy."""
import torch


def apply_repetition_penalty(logits, prev_ids, penalty):
    vocab = logits.size(1)
    ids = torch.where(prev_ids >= 0, prev_ids, torch.full_like(prev_ids, vocab))
    seen = torch.zeros(logits.size(0), vocab + 1, dtype=torch.bool).scatter(1, ids, True)[:, :vocab]
    penalised = torch.where(logits > 0, logits / penalty, logits * penalty)
    logits[seen] = penalised[seen]
    return logits
