import math

import torch
from torch import Tensor


def grouped_query_attention(q: Tensor, k: Tensor, v: Tensor, mask: Tensor | None = None) -> Tensor:
    """q (B, H_q, L, D); k (B, H_kv, S, D); v (B, H_kv, S, D_v); query head h reads KV head h // G."""
    raise NotImplementedError("check H_q % H_kv, share each KV head with its group, then attend")
