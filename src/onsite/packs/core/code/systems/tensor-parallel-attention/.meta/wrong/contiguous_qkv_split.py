"""Splits w_qkv into R contiguous column blocks, so a rank gets a mix of Q, K and V columns."""
import math

import torch
from torch import Tensor


def shard_attention(w_qkv: Tensor, b_qkv: Tensor, w_o: Tensor, n_heads: int,
                    world_size: int) -> list[dict[str, Tensor]]:
    d = w_o.shape[0]
    width = d // world_size                       # features (heads * d_head) per rank
    shards = []
    for r in range(world_size):
        cols = slice(r * width, (r + 1) * width)  # this rank's heads, inside each of Q, K, V
        block = slice(r * 3 * width, (r + 1) * 3 * width)
        w = w_qkv[:, block]
        b = b_qkv[block]
        shards.append({"w_qkv": w, "b_qkv": b, "w_o": w_o[cols, :]})   # w_o: row-parallel
    return shards


def rank_forward(x: Tensor, shard: dict[str, Tensor], local_heads: int, causal: bool) -> Tensor:
    """One rank: its heads' attention and its slice of the output projection (no bias)."""
    B, T, _ = x.shape
    width = shard["w_o"].shape[0]
    dh = width // local_heads
    qkv = x @ shard["w_qkv"] + shard["b_qkv"]                          # (B, T, 3 * width)
    q, k, v = (t.view(B, T, local_heads, dh).transpose(1, 2) for t in qkv.split(width, dim=-1))
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    if causal:
        future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)
        scores = scores.masked_fill(future, float("-inf"))
    heads = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(B, T, width)
    return heads @ shard["w_o"]                                        # partial sum, (B, T, d)


def tensor_parallel_attention(
    x: Tensor, w_qkv: Tensor, b_qkv: Tensor, w_o: Tensor, b_o: Tensor, n_heads: int,
    world_size: int, causal: bool = False,
) -> tuple[Tensor, list[Tensor], list[dict[str, list[int]]]]:
    shards = shard_attention(w_qkv, b_qkv, w_o, n_heads, world_size)
    partials = [rank_forward(x, s, n_heads // world_size, causal) for s in shards]
    out = torch.stack(partials).sum(dim=0) + b_o                        # all-reduce (sum), bias once
    shapes = [{name: list(t.shape) for name, t in s.items()} for s in shards]
    return out, partials, shapes
