import math

import torch
from torch import Tensor


def relative_position_bucket(relative_position: Tensor, bidirectional: bool,
                             num_buckets: int = 32, max_distance: int = 128) -> Tensor:
    """int64 buckets in [0, num_buckets) for r = key - query: exact when close, log-spaced far away."""
    raise NotImplementedError("direction offset, then exact buckets below E, log buckets above, clipped")


def t5_relative_bias(table: Tensor, query_length: int, key_length: int, bidirectional: bool,
                     max_distance: int = 128, query_offset: int = 0) -> Tensor:
    """(H, L, S): table[bucket(j - (query_offset + i)), h], table of shape (num_buckets, H)."""
    raise NotImplementedError("relative positions (L, S) -> buckets -> look up, heads first")
