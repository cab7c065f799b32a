"""Scatters a validity flag with padding mapped to id 0, so a pad can erase a real token 0."""
import torch


def apply_repetition_penalty(logits, prev_ids, penalty):
    valid = prev_ids >= 0
    ids = prev_ids.clamp(min=0)
    seen = torch.zeros_like(logits, dtype=torch.bool).scatter(1, ids, valid)
    penalised = torch.where(logits > 0, logits / penalty, logits * penalty)
    return torch.where(seen, penalised, logits)
