import torch
from torch import Tensor


def build_labels(input_ids: Tensor, prompt_lengths: Tensor, attention_mask: Tensor) -> Tensor:
    """Copy of input_ids (B, T) with -100 on prompt positions and on padding."""
    raise NotImplementedError("compare positions with prompt_lengths, and use attention_mask")


def sft_loss(logits: Tensor, labels: Tensor) -> Tensor:
    """Mean next-token NLL: logits[:, :-1] scores labels[:, 1:], ignoring labels equal to -100."""
    raise NotImplementedError("shift, log-softmax, pick the label, average over the kept tokens")
