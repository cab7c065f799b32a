import math

import torch
from torch import Tensor, nn


class MultiQueryAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int, bias: bool = True) -> None:
        super().__init__()
        if d_model % n_heads != 0:
            raise ValueError("d_model must be divisible by n_heads")
        self.n_heads = n_heads
        self.d_head = d_model // n_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)      # H query heads
        self.k_proj = nn.Linear(d_model, self.d_head, bias=bias)  # one key head for all
        self.v_proj = nn.Linear(d_model, self.d_head, bias=bias)  # one value head for all
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def forward(self, x: Tensor) -> Tensor:
        B, T, d_model = x.shape
        q = self.q_proj(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)  # (B, H, T, d_h)
        # A head axis of size 1 broadcasts the single K and V to every query head without copying.
        k = self.k_proj(x).unsqueeze(1)  # (B, 1, T, d_h)
        v = self.v_proj(x).unsqueeze(1)  # (B, 1, T, d_h)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_head)  # (B, H, T, T)
        future = ~torch.ones(T, T, dtype=torch.bool, device=x.device).tril()
        weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
        merged = (weights @ v).transpose(1, 2).reshape(B, T, d_model)
        return self.out_proj(merged)


def kv_cache_numel(batch: int, seq_len: int, n_layers: int, d_model: int, n_heads: int,
                   multi_query: bool = True) -> int:
    d_head = d_model // n_heads
    kv_width = d_head if multi_query else n_heads * d_head  # one shared head vs one per query head
    return 2 * batch * seq_len * n_layers * kv_width  # 2: keys and values
