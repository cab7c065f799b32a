import torch
from torch import Tensor


def cached_attention(
    x: Tensor,
    params: dict[str, Tensor],
    n_heads: int,
    cache: tuple[Tensor, Tensor] | None = None,
) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    """Causal multi-head self-attention over the cached prefix plus the new positions x.

    Returns (out (B, T_new, d_model), (k, v) each (B, H, T_past + T_new, d_head)).
    """
    raise NotImplementedError("project, split heads, append to the cache, mask with the offset, attend")
