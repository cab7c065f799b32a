import math

import torch
from torch import Tensor, nn


class MultiQueryAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int, bias: bool = True) -> None:
        """q_proj: d_model -> d_model; k_proj, v_proj: d_model -> d_head (one shared head); out_proj."""
        super().__init__()
        raise NotImplementedError("create the four projections with the right output sizes")

    def forward(self, x: Tensor) -> Tensor:
        """x (B, T, d_model) -> (B, T, d_model), causal; every query head reads the same K and V."""
        raise NotImplementedError("split Q into heads, broadcast the single K and V, mask, softmax")


def kv_cache_numel(batch: int, seq_len: int, n_layers: int, d_model: int, n_heads: int,
                   multi_query: bool = True) -> int:
    """Numbers stored in the KV cache (keys and values, all layers); MHA when multi_query is False."""
    raise NotImplementedError("2 * batch * seq_len * n_layers * (width of one layer's K)")
