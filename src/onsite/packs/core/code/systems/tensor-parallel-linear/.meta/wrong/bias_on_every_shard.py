"""Adds b2 inside every shard before the all-reduce, so it is counted n times."""
import torch
import torch.nn.functional as F
from torch import Tensor


def _ranges(hidden: int, n: int) -> list[slice]:
    if hidden % n:
        raise ValueError(f"hidden size {hidden} is not divisible by {n} shards")
    size = hidden // n
    return [slice(i * size, (i + 1) * size) for i in range(n)]


def split_column_parallel(w1: Tensor, b1: Tensor, n: int) -> list[tuple[Tensor, Tensor]]:
    # Column split: each shard produces a slice of the hidden units, so its bias slice goes with it.
    return [(w1[:, cols], b1[cols]) for cols in _ranges(w1.shape[1], n)]


def split_row_parallel(w2: Tensor, n: int) -> list[Tensor]:
    # Row split with the same ranges: shard i consumes exactly the hidden units it produced.
    return [w2[rows, :] for rows in _ranges(w2.shape[0], n)]


def tensor_parallel_mlp(
    x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor, n: int
) -> tuple[Tensor, Tensor]:
    partials = []
    for (w1_i, b1_i), w2_i in zip(split_column_parallel(w1, b1, n), split_row_parallel(w2, n),
                                  strict=True):
        # GELU is elementwise, so applying it to a column slice needs no communication.
        y_i = F.gelu(x @ w1_i + b1_i)
        # Row-parallel layer: each shard's product is a partial sum of the full output.
        partials.append(y_i @ w2_i + b2)
    stacked = torch.stack(partials)
    # The all-reduce sums the partials; the output bias is added once, after the sum.
    return stacked.sum(dim=0), stacked
