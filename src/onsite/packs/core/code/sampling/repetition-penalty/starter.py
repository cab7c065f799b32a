import torch
from torch import Tensor


def apply_repetition_penalty(logits: Tensor, prev_ids: Tensor, penalty: float) -> Tensor:
    """Return a copy of logits (B, V) with each token seen in prev_ids (B, L; -1 = pad) penalised."""
    raise NotImplementedError("mark which tokens each row has seen, then divide or multiply by sign")
