"""Swaps height and width when unpacking per-axis stride, padding and dilation."""
import torch
import torch.nn.functional as F
from torch import Tensor


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def conv2d(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
) -> Tensor:
    (sw, sh), (pw, ph), (dw, dh) = _pair(stride), _pair(padding), _pair(dilation)
    B, _, H, W = x.shape
    C_out, _, kh, kw = weight.shape
    # Zero padding on both sides of each spatial axis (F.pad lists the last axis first).
    xp = F.pad(x, (pw, pw, ph, ph))
    # The span of a dilated filter is d*(k-1)+1; floor drops incomplete windows.
    H_out = (H + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    W_out = (W + 2 * pw - dw * (kw - 1) - 1) // sw + 1

    out = x.new_zeros(B, C_out, H_out, W_out)
    # Loop over the filter taps: tap (u, v) multiplies, at every output
    # position (i, j), the input pixel (i*sh + u*dh, j*sw + v*dw). Those pixels
    # form one strided slice of the padded input.
    for u in range(kh):
        for v in range(kw):
            rows = slice(u * dh, u * dh + sh * (H_out - 1) + 1, sh)
            cols = slice(v * dw, v * dw + sw * (W_out - 1) + 1, sw)
            patch = xp[:, :, rows, cols]  # (B, C_in, H_out, W_out)
            # No flip: this is cross-correlation, as in every deep-learning library.
            out += torch.einsum("bchw,oc->bohw", patch, weight[:, :, u, v])
    if bias is not None:
        out += bias.view(1, C_out, 1, 1)
    return out
