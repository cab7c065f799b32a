"""Ignores the mask and averages the NLL over every position, padding included."""
import torch


def token_log_probs(logits, targets):
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def perplexity(logits, targets, mask):
    return torch.exp(-token_log_probs(logits, targets).mean())
