from collections.abc import Callable

import torch
from torch import Tensor


def greedy_decode(
    model: Callable[[Tensor], Tensor],
    input_ids: Tensor,
    max_new_tokens: int,
    eos_id: int,
    pad_id: int,
) -> Tensor:
    """Append up to max_new_tokens argmax tokens to each prompt (B, T0); pad after EOS; stop early."""
    raise NotImplementedError("loop: call the model, argmax, pad finished rows, append, check EOS")
