"""Casts x / scale straight to int8, which truncates toward zero instead of rounding."""
import torch


def quantize_absmax(x):
    absmax = x.abs().amax()
    scale = absmax / 127 if absmax > 0 else torch.ones_like(absmax)
    return (x / scale).clamp(-127, 127).to(torch.int8), scale


def dequantize_absmax(q, scale):
    return q.to(scale.dtype) * scale
