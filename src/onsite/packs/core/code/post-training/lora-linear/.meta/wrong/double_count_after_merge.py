"""Still adds the LoRA path after merging, counting the update twice."""
import math

import torch
from torch import Tensor, nn


class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int, alpha: float, dropout: float = 0.0) -> None:
        super().__init__()
        self.base = base
        # Only the adapter learns: the pretrained layer stays exactly as it was.
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.r = r
        self.alpha = alpha
        self.scaling = alpha / r
        factory = {"dtype": base.weight.dtype, "device": base.weight.device}
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, **factory))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, **factory))
        # A random, B zero: the product BA starts at zero, so training starts
        # from the pretrained function, yet B still receives a gradient via A.
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        self.dropout = nn.Dropout(dropout)
        self.merged = False

    def delta_weight(self) -> Tensor:
        return (self.lora_B @ self.lora_A) * self.scaling  # (out, in), like base.weight

    def forward(self, x: Tensor) -> Tensor:
        # Two thin matmuls through the rank-r bottleneck; never form B @ A here.
        lora = self.dropout(x) @ self.lora_A.T @ self.lora_B.T
        return self.base(x) + lora * self.scaling

    @torch.no_grad()
    def merge(self) -> None:
        if self.merged:
            return
        self.base.weight += self.delta_weight()
        self.merged = True

    @torch.no_grad()
    def unmerge(self) -> None:
        if not self.merged:
            return
        self.base.weight -= self.delta_weight()
        self.merged = False
