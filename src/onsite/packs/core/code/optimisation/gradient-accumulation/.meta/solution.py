from collections.abc import Callable

import torch
from torch import Tensor, nn


def _zero_grads(model: nn.Module) -> None:
    # backward() accumulates into .grad: anything left from an earlier step
    # would be added to this batch's gradient.
    for p in model.parameters():
        p.grad = None


def accumulate_example_gradients(
    model: nn.Module,
    micro_batches: list[tuple[Tensor, Tensor]],
    loss_fn: Callable[[nn.Module, Tensor, Tensor], Tensor],
) -> Tensor:
    _zero_grads(model)
    # The full-batch mean divides by the total number of examples, so every
    # micro-batch is normalised by N, not by its own size.
    n_total = sum(x.shape[0] for x, _ in micro_batches)
    total = None
    for x, y in micro_batches:
        losses = loss_fn(model, x, y)  # (b_k,)
        part = losses.sum() / n_total
        part.backward()  # gradients of the parts add up to the full-batch gradient
        total = part.detach() if total is None else total + part.detach()
    return total


def accumulate_token_gradients(
    model: nn.Module,
    micro_batches: list[tuple[Tensor, Tensor, Tensor]],
    loss_fn: Callable[[nn.Module, Tensor, Tensor], Tensor],
) -> Tensor:
    _zero_grads(model)
    # Every counted token has weight 1/M, M over the whole batch: it must be
    # known before the first backward, so count first.
    m_total = sum(int(mask.sum()) for _, _, mask in micro_batches)
    total = None
    for x, y, mask in micro_batches:
        losses = loss_fn(model, x, y)  # (b_k, T_k)
        # Masked-out positions contribute exactly 0 (and no gradient); an
        # all-masked micro-batch contributes nothing.
        kept = torch.where(mask, losses, torch.zeros_like(losses))
        part = kept.sum() / m_total
        part.backward()
        total = part.detach() if total is None else total + part.detach()
    return total
