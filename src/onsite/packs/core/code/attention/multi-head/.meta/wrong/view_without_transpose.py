"""Splits heads with view(B, H, T, d_head) and no transpose, so heads mix positions."""
import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads, bias=True):
        super().__init__()
        self.n_heads = n_heads
        self.d_head = d_model // n_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def forward(self, x_q, x_kv, mask=None):
        B, L, D = x_q.shape
        S = x_kv.shape[1]
        q = self.q_proj(x_q).view(B, self.n_heads, L, self.d_head)
        k = self.k_proj(x_kv).view(B, self.n_heads, S, self.d_head)
        v = self.v_proj(x_kv).view(B, self.n_heads, S, self.d_head)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_head)
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v
        return self.out_proj(out.reshape(B, L, D))
