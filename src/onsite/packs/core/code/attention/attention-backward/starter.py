import math

import torch
from torch import Tensor


def attention_backward(
    q: Tensor, k: Tensor, v: Tensor, d_out: Tensor, mask: Tensor | None = None
) -> tuple[Tensor, Tensor, Tensor]:
    """(dq, dk, dv) of O = softmax(q k^T / sqrt(D), masked) v for upstream gradient d_out."""
    raise NotImplementedError("recompute P; dv = P^T dO; dP = dO v^T; dS = P * (dP - rowsum); dq, dk")
