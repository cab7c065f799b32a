import torch
from torch import Tensor


def top_k_route(router_logits: Tensor, k: int) -> tuple[Tensor, Tensor, Tensor]:
    """(T, E) logits -> (indices (T, k) int64, renormalised gates (T, k), probs (T, E))."""
    raise NotImplementedError("softmax, pick the k largest (ties: lower index first), renormalise")


def moe_forward(
    x: Tensor, router_weight: Tensor, experts: list[tuple[Tensor, Tensor, Tensor, Tensor]], k: int
) -> tuple[Tensor, Tensor]:
    """Route x (T, d), run each expert on its tokens, combine with the gates; (y, aux_loss)."""
    raise NotImplementedError("route, dispatch per expert, weighted combine, E * sum(f * P)")
