"""Subtracts the mean first (layer norm without a bias), dividing by the standard deviation."""
import torch
from torch import Tensor


def rms_norm(x: Tensor, weight: Tensor, eps: float = 1e-6) -> Tensor:
    dtype = x.dtype
    # 16-bit floats lose too much precision in a mean of squares: compute in
    # float32 and cast back once at the end.
    compute = torch.float32 if dtype in (torch.float16, torch.bfloat16) else dtype
    xf = x.to(compute)
    # Mean (not sum) of squares over the features; no centring, unlike layer norm.
    xf = xf - xf.mean(dim=-1, keepdim=True)
    ms = xf.pow(2).mean(dim=-1, keepdim=True)
    # eps inside the root keeps an all-zero row finite: 0 * rsqrt(eps) = 0.
    y = xf * torch.rsqrt(ms + eps) * weight.to(compute)
    return y.to(dtype)
