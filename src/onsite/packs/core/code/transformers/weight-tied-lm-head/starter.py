import torch
import torch.nn.functional as F
from torch import Tensor, nn


class TiedLM(nn.Module):
    def __init__(self, vocab_size: int, d_model: int) -> None:
        """embed: nn.Embedding(V, d); body: nn.Linear(d, d); no separate output matrix."""
        super().__init__()
        raise NotImplementedError("create embed and body only")

    def forward(self, tokens: Tensor) -> Tensor:
        """tokens (B, T) int64 -> logits (B, T, V) = tanh(body(E[tokens])) @ E.T."""
        raise NotImplementedError("look up, transform, project back with the same matrix")


def next_token_loss(model: TiedLM, tokens: Tensor) -> Tensor:
    """Mean cross-entropy of logits[:, t] against tokens[:, t + 1] over B * (T - 1) pairs."""
    raise NotImplementedError("shift: predictions from positions 0..T-2, targets from 1..T-1")
