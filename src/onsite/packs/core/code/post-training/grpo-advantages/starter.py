import torch
from torch import Tensor


def group_advantages(
    rewards: Tensor, group_size: int, eps: float = 1e-4, scale: bool = True
) -> Tensor:
    """rewards: (B * G,), G = group_size completions per prompt, group by group.

    Returns (B * G,): (r - group mean) / (unbiased group std + eps), or r - group mean
    when scale is False.
    """
    raise NotImplementedError("view as (B, G), normalise each row")


def grpo_loss(
    logprobs: Tensor,
    old_logprobs: Tensor,
    advantages: Tensor,
    mask: Tensor,
    clip_eps: float = 0.2,
) -> Tensor:
    """Clipped surrogate: logprobs, old_logprobs, mask (N, T); advantages (N,).

    Per-token loss -min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A), averaged over
    each sequence's valid tokens, then over the N sequences. Returns a scalar.
    """
    raise NotImplementedError("ratio = exp(logprobs - old_logprobs), then the clipped objective")
