import torch
from torch import Tensor


def lstm_cell(
    x: Tensor, h: Tensor, c: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor, b_hh: Tensor
) -> tuple[Tensor, Tensor]:
    """One step: returns (h', c'), each (B, H). Gate order in the weights: i, f, g, o."""
    raise NotImplementedError("one pre-activation of width 4H, split into i, f, g, o")


def lstm_sequence(
    xs: Tensor, h0: Tensor, c0: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor, b_hh: Tensor
) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    """Run the cell over xs (T, B, I); return (outputs (T, B, H), (h_T, c_T))."""
    raise NotImplementedError("loop over time, carrying (h, c); stack the hidden states")
