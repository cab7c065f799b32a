"""Reads groups with a stride (view(G, -1)): completions of different prompts are mixed."""
import torch
from torch import Tensor


def dynamic_sampling_mask(rewards: Tensor, group_size: int) -> Tensor:
    grouped = rewards.view(-1, group_size)  # groups are contiguous: one row per prompt
    # All-equal rewards (all solved or all failed) give zero advantage: no signal.
    informative = grouped.max(dim=1).values > grouped.min(dim=1).values
    return informative.repeat_interleave(group_size)


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
    keep = dynamic_sampling_mask(rewards, group_size)
    # Group-relative advantages (unbiased std, as torch.std); dropped groups are ignored below.
    grouped = rewards.detach().view(group_size, -1).T.to(logprobs.dtype)
    spread = grouped.std(dim=1, keepdim=True)
    adv = (grouped - grouped.mean(dim=1, keepdim=True)) / (spread + std_eps)
    adv = adv.T.reshape(-1, 1)

    ratio = torch.exp(logprobs - old_logprobs.detach())
    # Clip-higher: a wider upper bound lets low-probability tokens with A > 0 keep growing.
    clipped = torch.clamp(ratio, 1 - eps_low, 1 + eps_high)
    per_token = -torch.minimum(ratio * adv, clipped * adv)

    # Token-level mean over every valid token of the kept completions: long answers weigh
    # in proportion to their length, and dropped groups are not in the denominator.
    valid = mask.bool() & keep[:, None]
    count = valid.sum()
    if count == 0:
        return (logprobs * 0).sum(), keep  # nothing to learn from: an exact, differentiable zero
    return torch.where(valid, per_token, torch.zeros_like(per_token)).sum() / count, keep
