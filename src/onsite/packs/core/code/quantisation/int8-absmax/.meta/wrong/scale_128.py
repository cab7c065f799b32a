"""Divides the absmax by 128, so the largest value maps to 128 and is clamped, wasting a level."""
import torch


def quantize_absmax(x):
    absmax = x.abs().amax()
    scale = absmax / 128 if absmax > 0 else torch.ones_like(absmax)
    return torch.round(x / scale).clamp(-128, 127).to(torch.int8), scale


def dequantize_absmax(q, scale):
    return q.to(scale.dtype) * scale
