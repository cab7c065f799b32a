import math

import torch
from torch import Tensor


def relative_position_bucket(relative_position: Tensor, bidirectional: bool,
                             num_buckets: int = 32, max_distance: int = 128) -> Tensor:
    r = relative_position.long()
    if bidirectional:
        # Half of the buckets for keys after the query, half for keys at or before it.
        N = num_buckets // 2
        offset = (r > 0).long() * N
        n = r.abs()
    else:
        # A causal decoder never sees the future: every positive r folds into distance 0.
        N = num_buckets
        offset = torch.zeros_like(r)
        n = (-r).clamp(min=0)
    E = N // 2  # distances 0..E-1 each get their own bucket
    # Log-spaced buckets for E..max_distance: the fraction runs from 0 (n = E) to 1 (n = max_distance).
    # n is clamped to at least 1 only to keep log finite where the exact branch is used anyway.
    frac = torch.log(n.clamp(min=1).double() / E) / math.log(max_distance / E)
    log_bucket = (E + (frac * (N - E)).long()).clamp(max=N - 1)  # .long() truncates toward zero
    return offset + torch.where(n < E, n, log_bucket)


def t5_relative_bias(table: Tensor, query_length: int, key_length: int, bidirectional: bool,
                     max_distance: int = 128, query_offset: int = 0) -> Tensor:
    q_pos = torch.arange(query_length)[:, None] + query_offset  # (L, 1)
    k_pos = torch.arange(key_length)[None, :]  # (1, S)
    buckets = relative_position_bucket(k_pos - q_pos, bidirectional, table.shape[0], max_distance)
    # table[buckets] is (L, S, H); heads go first so the bias adds to (B, H, L, S) scores.
    return table[buckets].permute(2, 0, 1)
