"""Under a causal mask uses -log(number of visible keys) per row instead of -log(n)."""
import math

import torch
from torch import Tensor


def sigmoid_attention(
    q: Tensor, k: Tensor, v: Tensor, bias: float | None = None, causal: bool = False
) -> tuple[Tensor, Tensor]:
    n = k.size(-2)
    # b = -log n: sigmoid(-log n) = 1 / (n + 1), so an untrained row sums to about 1.
    b = -math.log(n) if bias is None else bias
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1)) + b
    if causal:
        L = q.size(-2)
        future = torch.ones(L, n, dtype=torch.bool, device=q.device).triu(1)
        # sigmoid(-inf) = 0 exactly: a masked key is removed, not down-weighted.
        visible = torch.arange(1, L + 1, dtype=scores.dtype, device=q.device).clamp(max=n)
        scores = scores - b - torch.log(visible).unsqueeze(-1) if bias is None else scores
        scores = scores.masked_fill(future, float("-inf"))
    # Element-wise and stable in both directions; no sum over the keys anywhere.
    weights = torch.sigmoid(scores)
    return weights @ v, weights
