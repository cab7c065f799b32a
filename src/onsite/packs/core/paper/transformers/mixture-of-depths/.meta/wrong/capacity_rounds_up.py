"""Rounds the capacity up: k = ceil(c * T)."""
from collections.abc import Callable

import torch
from torch import Tensor


def mixture_of_depths(
    x: Tensor,
    router_weight: Tensor,
    block: Callable[[Tensor], Tensor],
    capacity: float,
) -> tuple[Tensor, Tensor]:
    B, T, D = x.shape
    k = max(1, int(-(-capacity * T // 1)))  # a fixed budget, known before the data: static shapes
    scores = x @ router_weight  # (B, T)
    # Per-sequence top-k; a stable descending sort sends ties to the lower position.
    order = torch.sort(scores, dim=-1, descending=True, stable=True).indices
    selected = order[:, :k].sort(dim=-1).values  # positional order, for causal attention in f
    idx = selected.unsqueeze(-1).expand(B, k, D)
    x_sel = x.gather(1, idx)  # (B, k, D)
    r_sel = scores.gather(1, selected).unsqueeze(-1)  # (B, k, 1)
    # Scaling by r puts the router on the gradient path despite the discrete choice.
    updated = x_sel + r_sel * block(x_sel)
    # Skipped tokens pass through the residual stream unchanged.
    return x.scatter(1, idx, updated), selected
