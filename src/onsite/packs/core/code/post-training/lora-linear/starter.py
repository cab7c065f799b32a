import math

import torch
from torch import Tensor, nn


class LoRALinear(nn.Module):
    """A frozen nn.Linear plus a trainable low-rank update (alpha / r) * B @ A."""

    def __init__(self, base: nn.Linear, r: int, alpha: float, dropout: float = 0.0) -> None:
        super().__init__()
        raise NotImplementedError("freeze base, create lora_A (r, in) and lora_B (out, r)")

    def forward(self, x: Tensor) -> Tensor:
        """x: (..., in_features) -> (..., out_features)."""
        raise NotImplementedError("base(x) + scaling * dropout(x) @ A^T @ B^T")

    def merge(self) -> None:
        """Fold scaling * B @ A into base.weight (does nothing if already merged)."""
        raise NotImplementedError

    def unmerge(self) -> None:
        """Take scaling * B @ A back out of base.weight (does nothing if not merged)."""
        raise NotImplementedError
