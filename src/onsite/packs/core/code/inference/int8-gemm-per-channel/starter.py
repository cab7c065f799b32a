from torch import Tensor


def quantize_rows(t: Tensor) -> tuple[Tensor, Tensor]:
    """Symmetric absmax int8 quantisation of each row: (codes int8, scales (rows,))."""
    raise NotImplementedError("scale = max|row| / 127; codes = round(t / scale), clamped")


def smooth(x: Tensor, w: Tensor, alpha: float) -> tuple[Tensor, Tensor, Tensor]:
    """SmoothQuant migration: return (x / s, w * s, s) with s per input channel."""
    raise NotImplementedError("s_j = max|x_j|^alpha / max|w_j|^(1 - alpha)")


def int8_linear(x: Tensor, w: Tensor, alpha: float | None = None) -> tuple[Tensor, Tensor, Tensor]:
    """Return (y ~ x @ w.T, int32 accumulator, relative Frobenius error)."""
    raise NotImplementedError("smooth, quantise both, int32 matmul, rescale")
