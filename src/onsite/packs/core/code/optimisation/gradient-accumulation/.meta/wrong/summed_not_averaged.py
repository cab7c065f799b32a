"""Backpropagates the sum of the losses, never dividing by the total count."""
import torch


def accumulate_example_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    n_total = sum(x.shape[0] for x, _ in micro_batches)
    total = 0.0
    for x, y in micro_batches:
        losses = loss_fn(model, x, y)
        part = losses.sum()
        part.backward()
        total = total + part.detach()
    return total / n_total


def accumulate_token_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    m_total = sum(int(mask.sum()) for _, _, mask in micro_batches)
    total = 0.0
    for x, y, mask in micro_batches:
        losses = loss_fn(model, x, y)
        kept = torch.where(mask, losses, torch.zeros_like(losses))
        part = kept.sum()
        part.backward()
        total = total + part.detach()
    return total / m_total
