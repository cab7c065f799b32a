"""Smooths with eps/(C-1) on the wrong classes only, not torch's eps/C on every class."""
import torch


def log_softmax(logits, dim=-1):
    m = logits.amax(dim=dim, keepdim=True)
    shifted = logits - m
    return shifted - torch.log(torch.exp(shifted).sum(dim=dim, keepdim=True))


def cross_entropy(logits, targets, label_smoothing=0.0):
    logp = log_softmax(logits, dim=-1)
    n, c = logits.shape
    eps = label_smoothing
    q = torch.full_like(logp, eps / (c - 1) if c > 1 else 0.0)
    q.scatter_(1, targets.unsqueeze(1), 1.0 - eps)
    return -(q * logp).sum(dim=-1).mean()
