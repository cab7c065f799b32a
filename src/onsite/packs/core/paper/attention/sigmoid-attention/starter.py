import math

import torch
from torch import Tensor


def sigmoid_attention(
    q: Tensor, k: Tensor, v: Tensor, bias: float | None = None, causal: bool = False
) -> tuple[Tensor, Tensor]:
    """Return (out, weights): weights = sigmoid(q k^T / sqrt(d) + bias), no row normalisation."""
    raise NotImplementedError("scores, add b = -log(n), element-wise sigmoid, mask, mix values")
