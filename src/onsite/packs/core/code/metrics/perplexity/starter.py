import torch
from torch import Tensor


def token_log_probs(logits: Tensor, targets: Tensor) -> Tensor:
    """Return log p(targets[b, t]) under softmax(logits[b, t]), shape (B, T)."""
    raise NotImplementedError("log_softmax over V, then gather the target entries")


def perplexity(logits: Tensor, targets: Tensor, mask: Tensor) -> Tensor:
    """Return exp(mean NLL over the tokens where mask is true), as a 0-d tensor."""
    raise NotImplementedError("masked sum of the NLL over the whole batch / number of tokens, exp")
