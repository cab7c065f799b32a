import torch
from torch import Tensor


def rloo_advantages(rewards: Tensor, k: int) -> Tensor:
    if k == 1:
        # No other sample in the group, so no baseline and no relative signal: 0, not 0/0.
        return torch.zeros_like(rewards)
    grouped = rewards.view(-1, k)  # contiguous groups: row b holds prompt b's completions
    total = grouped.sum(dim=1, keepdim=True)
    # Leave-one-out baseline: the mean of the other k - 1 rewards, independent of r_i.
    baseline = (total - grouped) / (k - 1)
    return (grouped - baseline).reshape(-1)
