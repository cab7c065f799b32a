"""Returns the last micro-batch's own mean loss instead of the full-batch loss."""
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
    return losses.mean().detach()


def accumulate_token_gradients(model, micro_batches, loss_fn):
    model.zero_grad()
    m_total = sum(int(mask.sum()) for _, _, mask in micro_batches)
    total = 0.0
    for x, y, mask in micro_batches:
        losses = loss_fn(model, x, y)
        kept = torch.where(mask, losses, torch.zeros_like(losses))
        part = kept.sum() / m_total
        part.backward()
        total = total + part.detach()
    return (kept.sum() / mask.sum().clamp(min=1)).detach()
