import torch
from torch import Tensor


def group_advantages(
    rewards: Tensor, group_size: int, eps: float = 1e-4, scale: bool = True
) -> Tensor:
    # Completions of one prompt are contiguous, so row b of the (B, G) view is
    # prompt b's group. Each completion is judged only against its siblings.
    grouped = rewards.view(-1, group_size)
    advantages = grouped - grouped.mean(dim=1, keepdim=True)
    if scale:
        # Unbiased (n - 1) std, as torch.std does by default; eps keeps a group
        # whose rewards are all equal at advantage 0 instead of 0 / 0.
        advantages = advantages / (grouped.std(dim=1, keepdim=True) + eps)
    return advantages.reshape(-1)


def grpo_loss(
    logprobs: Tensor,
    old_logprobs: Tensor,
    advantages: Tensor,
    mask: Tensor,
    clip_eps: float = 0.2,
) -> Tensor:
    # Importance ratio pi_theta / pi_old per token; the old policy is a constant.
    ratio = torch.exp(logprobs - old_logprobs.detach())
    adv = advantages.detach().unsqueeze(-1)  # one advantage per sequence, on every token
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv
    # The min makes the objective a pessimistic bound: clipping may remove an
    # incentive, never add one.
    per_token = -torch.minimum(unclipped, clipped)
    m = mask.to(per_token.dtype)
    per_sequence = (per_token * m).sum(dim=-1) / m.sum(dim=-1)  # mean over valid tokens
    return per_sequence.mean()
