import math

import torch
from torch import Tensor


def gelu(x: Tensor, approximate: str = "none") -> Tensor:
    """x * Phi(x) exactly (erf), or GPT-2's tanh approximation when approximate == "tanh"."""
    raise NotImplementedError("0.5 * x * (1 + erf(x / sqrt(2))), or the tanh formula")


def silu(x: Tensor) -> Tensor:
    """x * sigmoid(x)."""
    raise NotImplementedError("x times the logistic sigmoid of x")


def swiglu_ffn(x: Tensor, w1: Tensor, w3: Tensor, w2: Tensor) -> Tensor:
    """(silu(x @ w1.T) * (x @ w3.T)) @ w2.T for x (..., D), w1 and w3 (H, D), w2 (D, H)."""
    raise NotImplementedError("gate branch through silu, times the value branch, project down")
