"""Reads groups with a stride (view(k, -1)), mixing completions of different prompts."""
import torch
from torch import Tensor


def rloo_advantages(rewards: Tensor, k: int) -> Tensor:
    if k == 1:
        # No other sample in the group, so no baseline and no relative signal: 0, not 0/0.
        return torch.zeros_like(rewards)
    grouped = rewards.view(k, -1).T
    total = grouped.sum(dim=1, keepdim=True)
    # Leave-one-out baseline: the mean of the other k - 1 rewards, independent of r_i.
    baseline = (total - grouped) / (k - 1)
    return (grouped - baseline).T.reshape(-1)
