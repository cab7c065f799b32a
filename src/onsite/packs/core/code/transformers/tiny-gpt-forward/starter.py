import torch
from torch import Tensor


def gpt_forward(idx: Tensor, params: dict[str, Tensor], n_heads: int) -> Tensor:
    """Logits (B, T, V) of a pre-LN GPT with tied embeddings for token ids idx (B, T)."""
    raise NotImplementedError("embed tokens + positions, run the pre-LN blocks, final LN, tied head")


def gpt_loss(idx: Tensor, params: dict[str, Tensor], n_heads: int) -> Tensor:
    """Mean cross-entropy of predicting idx[:, t + 1] from the logits at position t."""
    raise NotImplementedError("shift: logits[:, :-1] predict idx[:, 1:]")
