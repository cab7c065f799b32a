"""Zeroes the future weights after the softmax, so the rows no longer sum to one."""
import math

import torch


def causal_self_attention(x, w_q, w_k, w_v, w_o):
    T = x.shape[-2]
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    scores = q @ k.transpose(-2, -1) / math.sqrt(w_q.shape[-1])
    weights = torch.softmax(scores, dim=-1) * torch.ones(T, T).tril()
    return (weights @ v) @ w_o, weights
