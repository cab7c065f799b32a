import torch
from torch import Tensor


def quantize_absmax(x: Tensor) -> tuple[Tensor, Tensor]:
    absmax = x.abs().amax()
    # All-zero input: any positive scale gives q = 0; 1 avoids a division by zero.
    scale = torch.where(absmax > 0, absmax / 127, torch.ones_like(absmax))
    # torch.round rounds halves to even; casting alone would truncate toward zero.
    q = torch.round(x / scale).clamp(-127, 127).to(torch.int8)
    return q, scale


def dequantize_absmax(q: Tensor, scale: Tensor) -> Tensor:
    return q.to(scale.dtype) * scale
