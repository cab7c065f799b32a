import math

import torch
from torch import Tensor, nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int, bias: bool = True) -> None:
        """Hold q_proj, k_proj, v_proj and out_proj, each nn.Linear(d_model, d_model, bias=bias)."""
        super().__init__()
        raise NotImplementedError("create the four projections")

    def forward(self, x_q: Tensor, x_kv: Tensor, mask: Tensor | None = None) -> Tensor:
        """x_q (B, L, d_model), x_kv (B, S, d_model), mask True = may attend -> (B, L, d_model)."""
        raise NotImplementedError("project, split into heads, attend, merge heads, project")
