"""Reads the mask with torch's key_padding_mask convention (True = ignore), so it hides the real tokens."""
import math

import torch


def cross_attention(x_dec, x_enc, key_padding_mask, params, n_heads):
    B, L, D = x_dec.shape
    S = x_enc.shape[1]
    d_h = D // n_heads
    q = (x_dec @ params["w_q"].T + params["b_q"]).view(B, L, n_heads, d_h).transpose(1, 2)
    k = (x_enc @ params["w_k"].T + params["b_k"]).view(B, S, n_heads, d_h).transpose(1, 2)
    v = (x_enc @ params["w_v"].T + params["b_v"]).view(B, S, n_heads, d_h).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_h)
    if key_padding_mask is not None:
        scores = scores.masked_fill(key_padding_mask[:, None, None, :], float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    out = (weights @ v).transpose(1, 2).reshape(B, L, D)
    return out @ params["w_o"].T + params["b_o"], weights
