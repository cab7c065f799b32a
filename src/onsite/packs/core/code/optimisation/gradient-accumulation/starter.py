from collections.abc import Callable

import torch
from torch import Tensor, nn


def accumulate_example_gradients(
    model: nn.Module,
    micro_batches: list[tuple[Tensor, Tensor]],
    loss_fn: Callable[[nn.Module, Tensor, Tensor], Tensor],
) -> Tensor:
    """Leave in .grad the gradient of the mean per-example loss over all micro-batches.

    loss_fn(model, x, y) returns (b,) per-example losses. Returns the full-batch loss (detached).
    """
    raise NotImplementedError("zero the grads, count N, backward loss.sum() / N per micro-batch")


def accumulate_token_gradients(
    model: nn.Module,
    micro_batches: list[tuple[Tensor, Tensor, Tensor]],
    loss_fn: Callable[[nn.Module, Tensor, Tensor], Tensor],
) -> Tensor:
    """Leave in .grad the gradient of the mean loss over every unmasked token of every micro-batch.

    loss_fn(model, x, y) returns (b, T) per-token losses; mask is (b, T) bool.
    """
    raise NotImplementedError("count the unmasked tokens over all micro-batches first")
