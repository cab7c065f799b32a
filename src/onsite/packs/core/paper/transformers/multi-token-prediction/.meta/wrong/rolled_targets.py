"""Shifts the targets with torch.roll, so the last k positions predict wrapped-around tokens."""
import torch
from torch import Tensor


def multi_token_prediction_loss(
    hidden: Tensor,
    head_weights: Tensor,
    unembed: Tensor,
    tokens: Tensor,
    ignore_index: int = -100,
) -> tuple[Tensor, Tensor]:
    T = hidden.shape[1]
    n = head_weights.shape[0]
    per_head = []
    for k in range(1, n + 1):
        if k >= T:
            # No position has a target k steps ahead; keep the graph so gradients are zero.
            per_head.append(hidden.sum() * 0.0)
            continue
        # Position t sees tokens 0..t and predicts token t + k.
        logits = (hidden @ head_weights[k - 1]) @ unembed
        targets = torch.roll(tokens, -k, dims=1)
        valid = targets != ignore_index
        logp = torch.log_softmax(logits, dim=-1)  # stable: subtracts the row maximum
        picked = logp.gather(-1, targets.masked_fill(~valid, 0).unsqueeze(-1)).squeeze(-1)
        count = valid.sum()
        if count == 0:
            per_head.append(hidden.sum() * 0.0)
            continue
        # Token-level mean over this head's own valid positions.
        per_head.append(-(picked * valid).sum() / count)
    per_head_t = torch.stack(per_head)
    return per_head_t.sum(), per_head_t
