import math

import torch
from torch import Tensor


def grouped_query_attention(q: Tensor, k: Tensor, v: Tensor, mask: Tensor | None = None) -> Tensor:
    H_q, H_kv = q.shape[1], k.shape[1]
    if H_q % H_kv != 0:
        raise ValueError(f"{H_q} query heads cannot be split into groups over {H_kv} KV heads")
    G = H_q // H_kv
    # Consecutive query heads share a KV head: [k0, k1] -> [k0, k0, k1, k1] for G = 2.
    # (repeat_interleave copies; autograd sums the G copies' gradients back into each KV head.)
    k = k.repeat_interleave(G, dim=1)
    v = v.repeat_interleave(G, dim=1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (B, H_q, L, S)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
