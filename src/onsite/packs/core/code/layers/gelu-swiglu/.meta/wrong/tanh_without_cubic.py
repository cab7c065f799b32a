"""Drops the 0.044715 x^3 term from the tanh approximation."""
import math

import torch
from torch import Tensor


def gelu(x: Tensor, approximate: str = "none") -> Tensor:
    if approximate == "tanh":
        # GPT-2's approximation of Phi; for huge |x| the cube overflows to inf,
        # but tanh(+-inf) = +-1 keeps the result finite.
        inner = math.sqrt(2.0 / math.pi) * x
        return 0.5 * x * (1.0 + torch.tanh(inner))
    # x * Phi(x), with the normal CDF written through erf (note the sqrt(2)).
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def silu(x: Tensor) -> Tensor:
    # torch.sigmoid is stable for large |x| in both directions.
    return x * torch.sigmoid(x)


def swiglu_ffn(x: Tensor, w1: Tensor, w3: Tensor, w2: Tensor) -> Tensor:
    gate = silu(x @ w1.T)  # (..., H): the gated branch
    value = x @ w3.T  # (..., H): the linear branch
    return (gate * value) @ w2.T  # back to (..., D)
