"""Forgets to halve num_buckets in the bidirectional case."""
import math

import torch


def relative_position_bucket(relative_position, bidirectional, num_buckets=32, max_distance=128):
    r = relative_position.long()
    if bidirectional:
        N = num_buckets
        offset = (r > 0).long() * N
        n = r.abs()
    else:
        N = num_buckets
        offset = torch.zeros_like(r)
        n = (-r).clamp(min=0)
    E = N // 2
    frac = torch.log(n.clamp(min=1).double() / E) / math.log(max_distance / E)
    log_bucket = (E + (frac * (N - E)).long()).clamp(max=N - 1)
    return offset + torch.where(n < E, n, log_bucket)


def t5_relative_bias(table, query_length, key_length, bidirectional, max_distance=128, query_offset=0):
    q_pos = torch.arange(query_length)[:, None] + query_offset
    k_pos = torch.arange(key_length)[None, :]
    buckets = relative_position_bucket(k_pos - q_pos, bidirectional, table.shape[0], max_distance)
    return table[buckets.clamp(max=table.shape[0] - 1)].permute(2, 0, 1)
