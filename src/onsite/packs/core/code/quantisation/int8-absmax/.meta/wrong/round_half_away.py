"""Rounds halves away from zero (floor(|v| + 0.5)) instead of to even as torch.round does."""
import torch


def quantize_absmax(x):
    absmax = x.abs().amax()
    scale = absmax / 127 if absmax > 0 else torch.ones_like(absmax)
    v = x / scale
    q = torch.sign(v) * torch.floor(v.abs() + 0.5)
    return q.clamp(-127, 127).to(torch.int8), scale


def dequantize_absmax(q, scale):
    return q.to(scale.dtype) * scale
