import math

import torch
from torch import Tensor


def causal_self_attention(
    x: Tensor, w_q: Tensor, w_k: Tensor, w_v: Tensor, w_o: Tensor
) -> tuple[Tensor, Tensor]:
    """x (B, T, d_model) -> (out (B, T, d_model), weights (B, T, T)); position i sees j <= i."""
    raise NotImplementedError("project, score, hide the future, softmax, mix values, project back")
