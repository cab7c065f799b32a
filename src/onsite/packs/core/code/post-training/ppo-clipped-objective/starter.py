import torch
from torch import Tensor


def ppo_policy_loss(
    logprobs: Tensor, old_logprobs: Tensor, advantages: Tensor, mask: Tensor, clip_eps: float = 0.2
) -> tuple[Tensor, Tensor, Tensor]:
    """Return (loss, clip_frac, approx_kl), each a token-mean over the mask of the whole batch.

    loss: -min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A); clip_frac: share of tokens where
    the clipped term is strictly smaller; approx_kl: k3 = (ratio - 1) - log ratio. Last two detached.
    """
    raise NotImplementedError("ratio from log-probs, clipped surrogate, masked token means")
