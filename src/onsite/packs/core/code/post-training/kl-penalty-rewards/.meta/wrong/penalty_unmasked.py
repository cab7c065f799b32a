"""Applies the KL penalty on every position, prompt and padding included."""
import torch
from torch import Tensor


def kl_penalized_rewards(
    policy_logprobs: Tensor, ref_logprobs: Tensor, scores: Tensor, mask: Tensor, beta: float = 0.1
) -> Tensor:
    # Rewards are targets for GAE and PPO, never differentiated.
    policy_logprobs, ref_logprobs, scores = (x.detach() for x in (policy_logprobs, ref_logprobs, scores))
    keep = mask.bool()
    B, T = keep.shape
    # Per-token KL penalty (the k1 sample of KL(pi || pi_ref)) on response tokens only.
    kl = policy_logprobs - ref_logprobs
    rewards = -beta * kl
    # The reward model judges the whole response: its score lands on the final response
    # token. argmax returns the first maximum, so search the flipped mask for the last True.
    last = T - 1 - keep.flip(-1).to(torch.int64).argmax(dim=-1)
    rewards[torch.arange(B), last] += scores.to(rewards.dtype)
    return rewards


def kl_estimators(logprobs: Tensor, ref_logprobs: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    # Samples come from pi, so KL(pi || pi_ref) = E_pi[-log r] with r = pi_ref / pi.
    log_r = ref_logprobs - logprobs
    k1 = -log_r  # unbiased, but negative whenever pi_ref > pi on the sample
    k2 = 0.5 * log_r**2  # low variance, biased (exact to second order)
    k3 = torch.exp(log_r) - 1 - log_r  # unbiased (E_pi[r] = 1) and >= 0 since e^x >= 1 + x
    return k1, k2, k3
