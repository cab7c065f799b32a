"""Averages over every position, padding and prompt included."""
import torch
from torch import Tensor


def _masked_mean(x: Tensor, keep: Tensor) -> Tensor:
    # One mean over every valid token of the batch (token-level, not per sequence).
    return torch.where(keep, x, torch.zeros_like(x)).sum() / keep.sum()


def ppo_policy_loss(
    logprobs: Tensor, old_logprobs: Tensor, advantages: Tensor, mask: Tensor, clip_eps: float = 0.2
) -> tuple[Tensor, Tensor, Tensor]:
    keep = torch.ones_like(mask, dtype=torch.bool)
    log_ratio = logprobs - old_logprobs.detach()
    ratio = torch.exp(log_ratio)  # pi / pi_old, from log-probs so nothing underflows
    adv = advantages.detach()
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv
    # Pessimistic bound: the min removes any incentive to push the ratio beyond the
    # trust region in the direction the advantage favours.
    loss = _masked_mean(-torch.minimum(unclipped, clipped), keep)
    with torch.no_grad():
        # Clipped = the min chose the clipped term and it differs: the gradient is cut there.
        clip_frac = _masked_mean((clipped < unclipped).to(logprobs.dtype), keep)
        # k3 estimator of KL(pi_old || pi) on samples from pi_old: unbiased and >= 0.
        approx_kl = _masked_mean((ratio - 1) - log_ratio, keep)
    return loss, clip_frac, approx_kl
