"""Always keeps the scale and the dequantised values in float32, losing float64 precision."""
import torch


def quantize_absmax(x):
    x = x.float()
    absmax = x.abs().amax()
    scale = absmax / 127 if absmax > 0 else torch.ones_like(absmax)
    return torch.round(x / scale).clamp(-127, 127).to(torch.int8), scale


def dequantize_absmax(q, scale):
    return q.float() * scale
