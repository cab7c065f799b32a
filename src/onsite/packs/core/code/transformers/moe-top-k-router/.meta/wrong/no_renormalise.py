"""Uses the raw top-k probabilities as gates without renormalising them to sum to 1."""
import torch
from torch import Tensor


def top_k_route(router_logits: Tensor, k: int) -> tuple[Tensor, Tensor, Tensor]:
    probs = torch.softmax(router_logits, dim=-1)                      # (T, E)
    # A stable descending sort keeps tied experts in index order: lower index first.
    order = torch.sort(probs, dim=-1, descending=True, stable=True).indices
    indices = order[:, :k]                                            # (T, k)
    chosen = probs.gather(-1, indices)
    gates = chosen
    return indices, gates, probs


def _expert(x: Tensor, params: tuple[Tensor, Tensor, Tensor, Tensor]) -> Tensor:
    w1, b1, w2, b2 = params
    return torch.relu(x @ w1 + b1) @ w2 + b2


def moe_forward(
    x: Tensor, router_weight: Tensor, experts: list[tuple[Tensor, Tensor, Tensor, Tensor]], k: int
) -> tuple[Tensor, Tensor]:
    T = x.shape[0]
    E = len(experts)
    indices, gates, probs = top_k_route(x @ router_weight, k)

    y = torch.zeros_like(x)
    for e in range(E):
        # Which tokens chose expert e, and in which of their k slots.
        token_idx, slot = (indices == e).nonzero(as_tuple=True)
        if token_idx.numel() == 0:
            continue                                                  # an idle expert costs nothing
        out = _expert(x[token_idx], experts[e]) * gates[token_idx, slot].unsqueeze(-1)
        y = y.index_add(0, token_idx, out)                            # scatter back, summing the k slots

    # Switch load balancing: f counts dispatches (no gradient), P is the mean router probability.
    counts = torch.bincount(indices.flatten(), minlength=E)
    f = counts.to(x.dtype) / (T * k)
    P = probs.mean(dim=0)
    aux_loss = E * (f * P).sum()
    return y, aux_loss
