import torch
from torch import Tensor


def dropout(x: Tensor, p: float, training: bool, generator: torch.Generator) -> Tensor:
    # Inverted dropout scales at training time, so evaluation is the identity;
    # p = 0 drops nothing. Neither touches the generator.
    if not training or p == 0:
        return x
    # Everything is dropped; 1 / (1 - p) would divide by zero.
    if p == 1:
        return torch.zeros_like(x)
    # Exactly one draw, in the stated form: element kept with probability 1 - p.
    keep = torch.rand(x.shape, generator=generator) >= p
    # Survivors scaled by 1 / (1 - p) so that E[y] = x.
    return x * keep / (1 - p)
