"""Cuts the bootstrap at a done but lets the advantage of the next episode flow back."""
import torch
from torch import Tensor


def gae(
    rewards: Tensor,
    values: Tensor,
    dones: Tensor,
    last_values: Tensor,
    gamma: float = 0.99,
    lam: float = 0.95,
) -> tuple[Tensor, Tensor]:
    # Advantages and returns are targets for the update, not part of its graph.
    values = values.detach()
    rewards = rewards.detach()
    N, T = rewards.shape
    not_done = 1.0 - dones.to(rewards.dtype)  # 0 where the episode ended after step t
    advantages = torch.zeros_like(rewards)
    next_adv = torch.zeros(N, dtype=rewards.dtype)
    next_value = last_values.detach().to(rewards.dtype)  # V(s_T): bootstrap a truncated rollout
    for t in reversed(range(T)):
        # One-step TD error; no bootstrap across an episode end.
        delta = rewards[:, t] + gamma * not_done[:, t] * next_value - values[:, t]
        # Exponentially weighted sum of future TD errors, cut at the episode end.
        next_adv = delta + gamma * lam * next_adv
        advantages[:, t] = next_adv
        next_value = values[:, t]
    return advantages, advantages + values  # lambda-returns: the critic's targets
