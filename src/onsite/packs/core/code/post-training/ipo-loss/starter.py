import torch
from torch import Tensor


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
    """Return (loss, margins) for IPO from (B, T) per-token log-probs.

    Sequence log-prob = masked sum over tokens (masked mean if average_tokens).
    h = (pi_c - ref_c) - (pi_r - ref_r); loss = mean((h - 1 / (2 beta))^2); margins = h detached.
    """
    raise NotImplementedError("reduce each response over its mask, form h, square its distance to 1/(2 beta)")
