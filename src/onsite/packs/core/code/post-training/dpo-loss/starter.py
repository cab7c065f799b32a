import torch
import torch.nn.functional as F
from torch import Tensor


def sequence_logprobs(logits: Tensor, labels: Tensor, mask: Tensor) -> Tensor:
    """Sum over the masked positions of log p(labels[b, t] | logits[b, t]); returns (B,).

    logits: (B, T, V); labels: (B, T) int64, already aligned (no shift inside);
    mask: (B, T) bool or 0/1, True/1 on the response tokens that count.
    """
    raise NotImplementedError("log-softmax over V, gather the label, sum where mask")


def dpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    ref_chosen: Tensor,
    ref_rejected: Tensor,
    beta: float = 0.1,
) -> tuple[Tensor, Tensor, Tensor]:
    """Return (loss, chosen_rewards, rejected_rewards) from (B,) sequence log-probs.

    loss is the batch mean of -log sigmoid(beta * ((pc - rc) - (pr - rr)));
    rewards are beta * (policy - ref), detached.
    """
    raise NotImplementedError("log-ratios against the reference, then -logsigmoid of the margin")
