"""Back-propagates through the row norm, which the paper treats as a constant."""
import math

import torch
from torch import Tensor, nn


class DoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.r = r
        self.scaling = alpha / r
        factory = {"dtype": base.weight.dtype, "device": base.weight.device}
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, **factory))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, **factory))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        # One magnitude per output unit: the paper's column norm is a row norm in the
        # (out, in) layout. Starting from ||W0|| makes the layer equal the base at init.
        self.magnitude = nn.Parameter(torch.linalg.vector_norm(base.weight.detach(), dim=1))
        self.merged = False

    def _direction(self) -> Tensor:
        return self.base.weight + self.scaling * (self.lora_B @ self.lora_A)  # (out, in)

    def _weight(self) -> Tensor:
        v = self._direction()
        # Treated as a constant in backward (paper section 4.3): saves memory, same forward.
        c = torch.linalg.vector_norm(v, dim=1)
        return (self.magnitude / c).unsqueeze(1) * v

    def forward(self, x: Tensor) -> Tensor:
        if self.merged:
            return self.base(x)
        out = x @ self._weight().T
        return out if self.base.bias is None else out + self.base.bias

    @torch.no_grad()
    def merge(self) -> None:
        if self.merged:
            return
        self.base.weight.copy_(self._weight())
        self.merged = True
