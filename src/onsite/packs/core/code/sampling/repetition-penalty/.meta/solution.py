import torch
from torch import Tensor


def apply_repetition_penalty(logits: Tensor, prev_ids: Tensor, penalty: float) -> Tensor:
    batch, vocab = logits.shape
    # Send padding (-1) to an extra column V, so the scatter never sees a negative index;
    # the extra column is dropped afterwards.
    ids = torch.where(prev_ids >= 0, prev_ids, torch.full_like(prev_ids, vocab))
    seen = torch.zeros(batch, vocab + 1, dtype=torch.bool, device=logits.device)
    # A mask, not a count: a token repeated in the history is penalised only once.
    seen = seen.scatter(1, ids, True)[:, :vocab]
    # Dividing a positive logit and multiplying a non-positive one both lower it for penalty > 1.
    penalised = torch.where(logits > 0, logits / penalty, logits * penalty)
    return torch.where(seen, penalised, logits)
