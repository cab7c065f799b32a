"""Averages inside each micro-batch, then divides by the number of micro-batches."""
import torch


def accumulate_example_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    total = 0.0
    for x, y in micro_batches:
        losses = loss_fn(model, x, y)
        part = losses.mean() / len(micro_batches)
        part.backward()
        total = total + part.detach()
    return total


def accumulate_token_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    total = 0.0
    for x, y, mask in micro_batches:
        losses = loss_fn(model, x, y)
        kept = torch.where(mask, losses, torch.zeros_like(losses))
        part = kept.sum() / mask.sum().clamp(min=1) / len(micro_batches)
        part.backward()
        total = total + part.detach()
    return total
