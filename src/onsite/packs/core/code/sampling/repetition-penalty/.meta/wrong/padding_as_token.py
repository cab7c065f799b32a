"""Indexes with the padding id -1 directly, which silently penalises the last vocabulary token."""
import torch


def apply_repetition_penalty(logits, prev_ids, penalty):
    out = logits.clone()
    for b in range(prev_ids.size(0)):
        ids = torch.unique(prev_ids[b])
        x = out[b, ids]
        out[b, ids] = torch.where(x > 0, x / penalty, x * penalty)
    return out
