import math  # noqa: F401
from collections.abc import Callable

import torch  # noqa: F401
from torch import Tensor


class Zero3AdamW:
    """ZeRO stage 3 simulated on one process: rank r owns slice r of the flattened, zero-padded
    parameter vector and the matching slices of both Adam moments; nothing else persists.

    Attributes the cases read: shards, exp_avg, exp_avg_sq (lists of R tensors of length S)."""

    def __init__(self, params: list[Tensor], world_size: int, *, lr: float = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0):
        raise NotImplementedError("flatten, zero-pad to R * S, cut into R shards; zero moments")

    def full_params(self) -> list[Tensor]:
        """All-gather the shards and return the parameters in their original shapes."""
        raise NotImplementedError

    def step(self, loss_fn: Callable[..., Tensor], local_batches: list[tuple]) -> list[float]:
        """One data-parallel AdamW step: per rank all-gather, forward and backward on its local
        batch; reduce-scatter the mean gradient; update each shard. Return the R losses."""
        raise NotImplementedError
