import torch
from torch import Tensor


def quantize_per_channel(w: Tensor) -> tuple[Tensor, Tensor]:
    """Return (q int8 (N, K), scales (N,)) with one absmax scale per output row of w."""
    raise NotImplementedError("absmax per row, divide, torch.round, clamp, int8")


def int8_gemm(a_q: Tensor, w_q: Tensor) -> Tensor:
    """Return a_q @ w_q.T as an exact int32 (M, N) accumulator, for int8 a_q (M, K), w_q (N, K)."""
    raise NotImplementedError("widen to int32 before the matmul")


def quantized_linear(x: Tensor, w: Tensor) -> Tensor:
    """Approximate x @ w.T with per-row int8 activations and per-channel int8 weights."""
    raise NotImplementedError("quantise both, int8_gemm, rescale by both scales")
