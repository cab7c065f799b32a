from collections.abc import Callable

import torch
from torch import Tensor


def beam_search(
    model: Callable[[Tensor], Tensor],
    prompt: Tensor,
    beam_width: int,
    max_new_tokens: int,
    eos_id: int,
    length_penalty: float = 1.0,
) -> tuple[list[int], float]:
    """Return (generated tokens of the best hypothesis, its length-normalised log-prob)."""
    raise NotImplementedError("expand every live beam by every token, rank, split EOS off, repeat")
