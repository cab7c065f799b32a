"""Averages the token log-probs over the mask instead of summing them."""
import torch
import torch.nn.functional as F
from torch import Tensor


def sequence_logprobs(logits: Tensor, labels: Tensor, mask: Tensor) -> Tensor:
    # logits[:, t] already scores labels[:, t]: the caller did the shift.
    logp = torch.log_softmax(logits, dim=-1)  # (B, T, V), normalised over the vocabulary
    token_logp = logp.gather(-1, labels.unsqueeze(-1)).squeeze(-1)  # (B, T)
    # where(), not a product: a masked position contributes exactly 0 even if its
    # log-prob is -inf, and a response's log-prob is a sum, not an average.
    kept = torch.where(mask.bool(), token_logp, torch.zeros_like(token_logp))
    return kept.sum(dim=-1) / mask.sum(dim=-1)


def dpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    ref_chosen: Tensor,
    ref_rejected: Tensor,
    beta: float = 0.1,
) -> tuple[Tensor, Tensor, Tensor]:
    chosen_logratio = policy_chosen - ref_chosen  # log pi/pi_ref on the preferred answer
    rejected_logratio = policy_rejected - ref_rejected
    margin = beta * (chosen_logratio - rejected_logratio)
    # -log sigmoid(m) = softplus(-m); logsigmoid evaluates it without forming
    # sigmoid(m), which underflows to 0 (and log(0) = -inf) for very negative m.
    loss = -F.logsigmoid(margin).mean()
    # The implicit rewards are for logging only: no gradient may flow through them.
    chosen_rewards = (beta * chosen_logratio).detach()
    rejected_rewards = (beta * rejected_logratio).detach()
    return loss, chosen_rewards, rejected_rewards
