import torch
from torch import Tensor


def gru_step(
    x: Tensor, h: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor | None = None, b_hh: Tensor | None = None
) -> Tensor:
    """One GRU step with torch.nn.GRUCell's equations; returns the new state (B, H)."""
    raise NotImplementedError("project x and h, split into (r, z, n), gate, mix")


def gru_sequence(
    xs: Tensor, h0: Tensor | None, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor | None = None,
    b_hh: Tensor | None = None,
) -> tuple[Tensor, Tensor]:
    """Run gru_step over xs (T, B, I); returns (outputs (T, B, H), h_last (B, H))."""
    raise NotImplementedError("loop over time, carrying the state")
