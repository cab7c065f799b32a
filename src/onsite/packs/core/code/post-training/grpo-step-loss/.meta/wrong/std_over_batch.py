"""Normalises by the standard deviation of all rewards in the batch, not per group."""
import torch
from torch import Tensor


def grpo_loss(
    logprobs: Tensor, old_logprobs: Tensor, ref_logprobs: Tensor, rewards: Tensor, mask: Tensor,
    group_size: int, clip_eps: float = 0.2, beta: float = 0.04, adv_eps: float = 1e-4,
    token_level: bool = False,
) -> tuple[Tensor, Tensor, Tensor]:
    N, T = logprobs.shape
    m = mask.to(logprobs.dtype)

    # 1. group-relative advantages: contiguous groups of G completions of the same prompt
    r = rewards.view(N // group_size, group_size)
    adv = ((r - r.mean(dim=1, keepdim=True)) / (rewards.std() + adv_eps)).view(N)
    a = adv.unsqueeze(1)                                       # same advantage on every token

    # 2. clipped importance ratio against the sampling policy, per token
    ratio = torch.exp(logprobs - old_logprobs)
    surrogate = torch.minimum(ratio * a, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * a)

    # 3. k3 estimator of KL(pi_theta || pi_ref): exp(x) - x - 1 with x = log pi_ref - log pi_theta
    x = ref_logprobs - logprobs
    kl = torch.exp(x) - x - 1

    per_token = -(surrogate - beta * kl) * m                  # zero on padding

    # 4. reduction: mean of per-sequence token means (GRPO) or one token mean (DAPO)
    if token_level:
        loss = per_token.sum() / m.sum().clamp(min=1.0)
    else:
        loss = (per_token.sum(dim=1) / m.sum(dim=1).clamp(min=1.0)).mean()
    return loss, adv, per_token
