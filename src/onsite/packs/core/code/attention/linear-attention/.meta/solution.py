import torch
import torch.nn.functional as F
from torch import Tensor


def feature_map(x: Tensor) -> Tensor:
    # elu(x) + 1 > 0 everywhere, so the normaliser below can never vanish.
    return F.elu(x) + 1


def linear_attention(
    q: Tensor, k: Tensor, v: Tensor, causal: bool = True, state: tuple[Tensor, Tensor] | None = None
) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    B, H, T, D = q.shape
    Dv = v.shape[-1]
    phi_q, phi_k = feature_map(q), feature_map(k)
    if state is None:
        S = q.new_zeros(B, H, D, Dv)
        z = q.new_zeros(B, H, D)
    else:
        S, z = state                                       # rebound below, never written in place

    if not causal:
        S = S + torch.einsum("bhtd,bhte->bhde", phi_k, v)   # sum_j phi(k_j) v_j^T
        z = z + phi_k.sum(dim=2)
        num = torch.einsum("bhtd,bhde->bhte", phi_q, S)
        den = torch.einsum("bhtd,bhd->bht", phi_q, z)
        return num / den.unsqueeze(-1), (S, z)

    outs = []
    for i in range(T):
        # Add position i before reading: the sums run over j <= i, inclusive.
        S = S + phi_k[:, :, i, :, None] * v[:, :, i, None, :]
        z = z + phi_k[:, :, i]
        num = torch.einsum("bhd,bhde->bhe", phi_q[:, :, i], S)
        den = torch.einsum("bhd,bhd->bh", phi_q[:, :, i], z)
        outs.append(num / den.unsqueeze(-1))
    return torch.stack(outs, dim=2), (S, z)
