import torch
from torch import Tensor


def dynamic_sampling_mask(rewards: Tensor, group_size: int) -> Tensor:
    """(N,) bool: True for completions whose (contiguous) group has rewards that are not all equal."""
    raise NotImplementedError("view the rewards as (B, G) and compare each group's max and min")


def dapo_loss(
    logprobs: Tensor,
    old_logprobs: Tensor,
    rewards: Tensor,
    mask: Tensor,
    group_size: int,
    eps_low: float = 0.2,
    eps_high: float = 0.28,
    std_eps: float = 1e-6,
) -> tuple[Tensor, Tensor]:
    """Return (loss, keep): group-normalised advantages, asymmetric clipped surrogate, one token
    mean over the valid tokens of the kept groups (0 if no group is kept)."""
    raise NotImplementedError("filter groups, normalise rewards per group, clip asymmetrically, token mean")
