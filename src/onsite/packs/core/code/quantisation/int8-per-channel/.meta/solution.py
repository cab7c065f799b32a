import torch
from torch import Tensor


def _absmax_scale(absmax: Tensor) -> Tensor:
    # Rows that are all zero get scale 1: their codes are 0 either way, and nothing is 0 / 0.
    return torch.where(absmax > 0, absmax / 127, torch.ones_like(absmax))


def quantize_per_channel(w: Tensor) -> tuple[Tensor, Tensor]:
    # One scale per output channel (row of W): each row uses its own range.
    scales = _absmax_scale(w.abs().amax(dim=1))  # (N,)
    q = torch.round(w / scales[:, None]).clamp(-127, 127).to(torch.int8)
    return q, scales


def int8_gemm(a_q: Tensor, w_q: Tensor) -> Tensor:
    # Widen before multiplying: int8 products reach 127 * 127 and their sum over K overflows
    # anything narrower than 32 bits; float32 is exact only up to 2**24.
    return a_q.to(torch.int32) @ w_q.to(torch.int32).T  # (M, N) int32


def quantized_linear(x: Tensor, w: Tensor) -> Tensor:
    # Activations: one scale per row (per token), the same absmax rule.
    x_scales = _absmax_scale(x.abs().amax(dim=1))  # (M,)
    x_q = torch.round(x / x_scales[:, None]).clamp(-127, 127).to(torch.int8)
    w_q, w_scales = quantize_per_channel(w)
    acc = int8_gemm(x_q, w_q)
    # y[m, n] = sum_k (sx[m] xq[m, k]) (sw[n] wq[n, k]) = sx[m] sw[n] acc[m, n]
    return acc.to(x.dtype) * x_scales[:, None] * w_scales[None, :]
