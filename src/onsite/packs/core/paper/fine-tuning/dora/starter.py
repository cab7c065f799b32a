import math

import torch
from torch import Tensor, nn


class DoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        raise NotImplementedError("freeze base; create lora_A, lora_B (zeros) and magnitude "
                                  "(row norms of base.weight)")

    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError("m * (W0 + scaling B A) / detached row norm, then x W'^T + b")

    def merge(self) -> None:
        raise NotImplementedError("write W' into base.weight once")
