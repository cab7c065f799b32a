from collections.abc import Callable

import torch
from torch import Tensor


def mixture_of_depths(
    x: Tensor,
    router_weight: Tensor,
    block: Callable[[Tensor], Tensor],
    capacity: float,
) -> tuple[Tensor, Tensor]:
    """Return (out (B, T, D), selected positions (B, k) ascending)."""
    raise NotImplementedError("score tokens, keep the top-k per sequence in positional order, "
                              "run the block on them, add r * update back")
