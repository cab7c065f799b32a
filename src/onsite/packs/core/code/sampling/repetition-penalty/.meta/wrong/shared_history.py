"""Pools the history of the whole batch, penalising tokens that only other rows have seen."""
import torch


def apply_repetition_penalty(logits, prev_ids, penalty):
    ids = prev_ids[prev_ids >= 0].unique()
    seen = torch.zeros(logits.size(1), dtype=torch.bool)
    seen[ids] = True
    penalised = torch.where(logits > 0, logits / penalty, logits * penalty)
    return torch.where(seen[None, :], penalised, logits)
