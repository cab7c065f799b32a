import torch
from torch import Tensor

QMAX = 127


def quantize_rows(t: Tensor) -> tuple[Tensor, Tensor]:
    """Symmetric absmax int8 per row: t ~ q * scale[:, None]."""
    scale = t.abs().amax(dim=1) / QMAX
    scale = torch.where(scale == 0, torch.ones_like(scale), scale)    # an all-zero row
    q = torch.round(t / scale.unsqueeze(1)).clamp(-QMAX, QMAX).to(torch.int8)
    return q, scale


def smooth(x: Tensor, w: Tensor, alpha: float) -> tuple[Tensor, Tensor, Tensor]:
    """SmoothQuant: move quantisation difficulty from activation channels to weight columns."""
    act_max = x.abs().amax(dim=0)                                     # (K,) over tokens
    w_max = w.abs().amax(dim=0).clamp(min=1e-5)                       # (K,) over output channels
    s = (act_max.pow(alpha) / w_max.pow(1 - alpha)).clamp(min=1e-5)
    return x / s, w * s, s                                            # (x / s) (w * s)^T = x w^T


def int8_linear(x: Tensor, w: Tensor, alpha: float | None = None) -> tuple[Tensor, Tensor, Tensor]:
    if alpha is not None:
        x_in, w_in, _ = smooth(x, w, alpha)
    else:
        x_in, w_in = x, w
    a_q, a_scale = quantize_rows(x_in)                                # per token
    w_q, w_scale = quantize_rows(w_in)                                # per output channel
    acc = a_q.to(torch.int32) @ w_q.to(torch.int32).T                 # exact int32 accumulation
    y = acc.to(x.dtype) * a_scale.unsqueeze(1) * w_scale.unsqueeze(0)
    exact = x @ w.T
    rel_err = torch.linalg.norm(y - exact) / torch.linalg.norm(exact)
    return y, acc, rel_err
