import torch
import torch.nn.functional as F
from torch import Tensor


def split_column_parallel(w1: Tensor, b1: Tensor, n: int) -> list[tuple[Tensor, Tensor]]:
    """n pairs (w1[:, cols_i], b1[cols_i]) over contiguous, equal column ranges of w1 (D, H)."""
    raise NotImplementedError("split the output (hidden) dimension of w1, and b1 with it")


def split_row_parallel(w2: Tensor, n: int) -> list[Tensor]:
    """n tensors w2[rows_i, :] over the same contiguous ranges of the rows of w2 (H, D)."""
    raise NotImplementedError("split the input (hidden) dimension of w2")


def tensor_parallel_mlp(
    x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor, n: int
) -> tuple[Tensor, Tensor]:
    """(out, partials): per-shard GELU(x w1_i + b1_i) w2_i, summed (the all-reduce), plus b2 once."""
    raise NotImplementedError("compute each shard's partial output, then sum them")
