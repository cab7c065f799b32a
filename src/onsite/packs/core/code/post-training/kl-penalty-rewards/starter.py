import torch
from torch import Tensor


def kl_penalized_rewards(
    policy_logprobs: Tensor, ref_logprobs: Tensor, scores: Tensor, mask: Tensor, beta: float = 0.1
) -> Tensor:
    """(B, T) rewards: -beta * (logp - logp_ref) on response tokens, plus scores[b] at the last
    response token of each row; 0 outside the mask; no gradient."""
    raise NotImplementedError("mask the KL penalty, then find each row's last response token")


def kl_estimators(logprobs: Tensor, ref_logprobs: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """Per-token (k1, k2, k3) estimates of KL(pi || pi_ref) from tokens sampled from pi."""
    raise NotImplementedError("log r = ref - policy; k1 = -log r, k2 = (log r)^2 / 2, k3 = r - 1 - log r")
