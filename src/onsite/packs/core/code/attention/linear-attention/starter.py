import torch
from torch import Tensor


def feature_map(x: Tensor) -> Tensor:
    """phi(x) = elu(x) + 1, elementwise."""
    raise NotImplementedError("elu plus one")


def linear_attention(
    q: Tensor, k: Tensor, v: Tensor, causal: bool = True, state: tuple[Tensor, Tensor] | None = None
) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    """out (B, H, T, Dv) and the final state (S (B, H, D, Dv), z (B, H, D))."""
    raise NotImplementedError("carry S += phi(k) v^T and z += phi(k) over positions")
