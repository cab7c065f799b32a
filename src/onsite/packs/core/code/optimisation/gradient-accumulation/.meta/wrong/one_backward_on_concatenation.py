"""Sums the micro-batch losses into one graph and calls backward once: right value, no memory saving."""
import torch


def accumulate_example_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    losses = torch.cat([loss_fn(model, x, y) for x, y in micro_batches])
    loss = losses.mean()
    loss.backward()
    return loss.detach()


def accumulate_token_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    kept = [torch.where(m, loss_fn(model, x, y), 0.0).sum() for x, y, m in micro_batches]
    loss = torch.stack(kept).sum() / sum(int(m.sum()) for _, _, m in micro_batches)
    loss.backward()
    return loss.detach()
