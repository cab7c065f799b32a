import math

import torch
from torch import Tensor, nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int, bias: bool = True) -> None:
        super().__init__()
        if d_model % n_heads != 0:
            raise ValueError("d_model must be divisible by n_heads")
        self.n_heads = n_heads
        self.d_head = d_model // n_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def _split_heads(self, x: Tensor) -> Tensor:
        # (B, T, d_model) -> (B, H, T, d_head): head h owns features h*d_head:(h+1)*d_head.
        # The view splits the feature axis only; the transpose then moves heads in
        # front of positions, so no position's features leak into another position.
        B, T, _ = x.shape
        return x.view(B, T, self.n_heads, self.d_head).transpose(1, 2)

    def forward(self, x_q: Tensor, x_kv: Tensor, mask: Tensor | None = None) -> Tensor:
        B, L, d_model = x_q.shape
        q = self._split_heads(self.q_proj(x_q))   # (B, H, L, d_head)
        k = self._split_heads(self.k_proj(x_kv))  # (B, H, S, d_head)
        v = self._split_heads(self.v_proj(x_kv))  # (B, H, S, d_head)

        # Each head works in d_head dimensions, so that is the variance to undo.
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_head)  # (B, H, L, S)
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        heads = weights @ v  # (B, H, L, d_head)

        # Undo the split: positions back in front of heads, then glue the heads
        # side by side in head order, which is what out_proj's columns expect.
        merged = heads.transpose(1, 2).reshape(B, L, d_model)
        return self.out_proj(merged)
