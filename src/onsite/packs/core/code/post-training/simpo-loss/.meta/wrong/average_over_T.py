"""Divides by T (padding and prompt included) instead of the response's own length."""
import torch
import torch.nn.functional as F
from torch import Tensor


def _average_logp(token_logps: Tensor, mask: Tensor) -> Tensor:
    keep = mask.bool()
    # where(), not a product, so a garbage value under the mask cannot leak in.
    total = torch.where(keep, token_logps, torch.zeros_like(token_logps)).sum(dim=-1)
    return total / keep.shape[-1]  # this response's own length |y|


def simpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    chosen_mask: Tensor,
    rejected_mask: Tensor,
    beta: float = 2.0,
    gamma: float = 1.0,
) -> tuple[Tensor, Tensor, Tensor]:
    # Length-normalised implicit reward: beta times the mean token log-prob. Summing
    # instead would favour short answers (every extra token lowers a sum).
    chosen_rewards = beta * _average_logp(policy_chosen, chosen_mask)
    rejected_rewards = beta * _average_logp(policy_rejected, rejected_mask)
    # Bradley-Terry with a target margin gamma in reward units; logsigmoid is stable.
    loss = -F.logsigmoid(chosen_rewards - rejected_rewards - gamma).mean()
    return loss, chosen_rewards.detach(), rejected_rewards.detach()
