"""Token-weighted version: averages each sequence's tokens, then averages over sequences."""
import torch


def accumulate_example_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    n_total = sum(x.shape[0] for x, _ in micro_batches)
    total = 0.0
    for x, y in micro_batches:
        losses = loss_fn(model, x, y)
        part = losses.sum() / n_total
        part.backward()
        total = total + part.detach()
    return total


def accumulate_token_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    total = 0.0
    for x, y, mask in micro_batches:
        losses = loss_fn(model, x, y)
        kept = torch.where(mask, losses, torch.zeros_like(losses))
        part = (kept.sum(-1) / mask.sum(-1).clamp(min=1)).sum() / sum(m.shape[0] for _, _, m in micro_batches)
        part.backward()
        total = total + part.detach()
    return total
