"""Uses the target 1 / beta instead of 1 / (2 beta)."""
import torch
from torch import Tensor


def _sequence_logps(token_logps: Tensor, mask: Tensor, average: bool) -> Tensor:
    keep = mask.bool()
    # where(), not a product: a masked entry contributes exactly 0 whatever it holds.
    total = torch.where(keep, token_logps, torch.zeros_like(token_logps)).sum(dim=-1)
    if average:
        # Length-normalised: divide by this row's own number of response tokens.
        return total / keep.sum(dim=-1).to(total.dtype)
    return total


def ipo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    ref_chosen: Tensor,
    ref_rejected: Tensor,
    chosen_mask: Tensor,
    rejected_mask: Tensor,
    beta: float = 0.1,
    average_tokens: bool = False,
) -> tuple[Tensor, Tensor]:
    pc = _sequence_logps(policy_chosen, chosen_mask, average_tokens)
    rc = _sequence_logps(ref_chosen, chosen_mask, average_tokens)
    pr = _sequence_logps(policy_rejected, rejected_mask, average_tokens)
    rr = _sequence_logps(ref_rejected, rejected_mask, average_tokens)
    # h: how much more the policy prefers chosen over rejected than the reference does.
    h = (pc - rc.detach()) - (pr - rr.detach())
    # IPO regresses h onto the finite target 1 / (2 beta) instead of pushing it to infinity.
    loss = ((h - 1.0 / beta) ** 2).mean()
    return loss, h.detach()
