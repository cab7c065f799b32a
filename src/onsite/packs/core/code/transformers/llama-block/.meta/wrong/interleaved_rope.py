"""Rotates adjacent feature pairs (0, 1), (2, 3), ... instead of the half-split pairs (i, i + d_h/2)."""
import math

import torch
import torch.nn.functional as F
from torch import Tensor


def rmsnorm(x: Tensor, weight: Tensor, eps: float = 1e-6) -> Tensor:
    # Only rescales: no centring and no bias, unlike LayerNorm.
    return x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * weight


def _rotate_half(x: Tensor) -> Tensor:
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def apply_rope(x: Tensor, base: float = 10000.0) -> Tensor:
    T, d_h = x.shape[-2], x.shape[-1]
    # de-interleave: even features act as the first half, odd as the second, then interleave back
    x = torch.cat([x[..., 0::2], x[..., 1::2]], dim=-1)
    inv_freq = base ** (-torch.arange(0, d_h, 2, dtype=torch.float64, device=x.device) / d_h)  # theta_i
    angles = torch.arange(T, dtype=torch.float64, device=x.device)[:, None] * inv_freq[None, :]
    angles = torch.cat([angles, angles], dim=-1)                      # pair (i, i + d_h/2) shares theta_i
    cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)     # (T, d_h), built in float64
    y = x * cos + _rotate_half(x) * sin
    return torch.stack([y[..., : d_h // 2], y[..., d_h // 2:]], dim=-1).flatten(-2)


def llama_block(
    x: Tensor, params: dict[str, Tensor], n_heads: int, rope_base: float = 10000.0, eps: float = 1e-6
) -> Tensor:
    B, T, d = x.shape
    d_h = d // n_heads

    def heads(t: Tensor) -> Tensor:
        return t.view(B, T, n_heads, d_h).transpose(1, 2)           # (B, H, T, d_h)

    n = rmsnorm(x, params["attn_norm.weight"], eps)
    # Rotary embeddings go on queries and keys only: their dot product then depends on m - n.
    q = apply_rope(heads(n @ params["wq"]), rope_base)
    k = apply_rope(heads(n @ params["wk"]), rope_base)
    v = heads(n @ params["wv"])
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)
    causal = torch.ones(T, T, dtype=torch.bool, device=x.device).tril()
    attn = torch.softmax(scores.masked_fill(~causal, float("-inf")), dim=-1) @ v
    h = x + attn.transpose(1, 2).reshape(B, T, d) @ params["wo"]

    n = rmsnorm(h, params["ffn_norm.weight"], eps)
    mlp = (F.silu(n @ params["w_gate"]) * (n @ params["w_up"])) @ params["w_down"]
    return h + mlp
