"""Multiplies by W instead of W.T (x @ W), which only runs when the matrices are square."""
import math

import torch


def cross_attention(x_dec, x_enc, key_padding_mask, params, n_heads):
    B, L, D = x_dec.shape
    S = x_enc.shape[1]
    d_h = D // n_heads
    w_k, w_v = params["w_k"], params["w_v"]
    # "fix" the shape error for non-square key/value matrices by transposing only those
    if w_k.shape[0] != w_k.shape[1]:
        w_k, w_v = w_k.T, w_v.T
    q = (x_dec @ params["w_q"] + params["b_q"]).view(B, L, n_heads, d_h).transpose(1, 2)
    k = (x_enc @ w_k + params["b_k"]).view(B, S, n_heads, d_h).transpose(1, 2)
    v = (x_enc @ w_v + params["b_v"]).view(B, S, n_heads, d_h).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)
    if key_padding_mask is not None:
        scores = scores.masked_fill(~key_padding_mask[:, None, None, :], float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    out = (weights @ v).transpose(1, 2).reshape(B, L, D)
    return out @ params["w_o"] + params["b_o"], weights
