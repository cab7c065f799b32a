"""Forgets the (1 - lambda_init) factor after the per-head RMSNorm."""
import math

import torch


def lambda_init_fn(layer):
    return 0.8 - 0.6 * math.exp(-0.3 * (layer - 1))


def differential_attention(x, w_q, w_k, w_v, w_o, lambda_q1, lambda_k1, lambda_q2, lambda_k2,
                           norm_weight, n_heads, lambda_init, causal=True, eps=1e-5):
    B, T, D = x.shape
    H = n_heads
    d = D // (2 * H)
    q = (x @ w_q).view(B, T, H, 2, d).permute(3, 0, 2, 1, 4)
    k = (x @ w_k).view(B, T, H, 2, d).permute(3, 0, 2, 1, 4)
    v = (x @ w_v).view(B, T, H, 2 * d).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if causal:
        scores = scores.masked_fill(torch.ones(T, T, dtype=torch.bool).triu(1), float("-inf"))
    a1, a2 = torch.softmax(scores, dim=-1).unbind(0)
    lam = torch.exp(lambda_q1 @ lambda_k1) - torch.exp(lambda_q2 @ lambda_k2) + lambda_init
    attn = a1 - lam * a2
    heads = attn @ v
    heads = heads * torch.rsqrt(heads.pow(2).mean(-1, keepdim=True) + eps) * norm_weight
    return heads.transpose(1, 2).reshape(B, T, D) @ w_o, attn
