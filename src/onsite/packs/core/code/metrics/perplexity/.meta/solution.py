import torch
from torch import Tensor


def token_log_probs(logits: Tensor, targets: Tensor) -> Tensor:
    # log_softmax, not log(softmax): a tiny target probability stays a finite, large negative number.
    log_probs = torch.log_softmax(logits, dim=-1)  # (B, T, V)
    return log_probs.gather(-1, targets.unsqueeze(-1)).squeeze(-1)  # (B, T)


def perplexity(logits: Tensor, targets: Tensor, mask: Tensor) -> Tensor:
    weights = mask.to(logits.dtype)
    nll = -token_log_probs(logits, targets)
    # Token-weighted: every counted token has the same weight, whichever sequence it is in.
    mean_nll = (nll * weights).sum() / weights.sum()
    return torch.exp(mean_nll)
