"""Outputs h = o * c', without the tanh on the cell state."""
import torch
from torch import Tensor


def lstm_cell(
    x: Tensor, h: Tensor, c: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor, b_hh: Tensor
) -> tuple[Tensor, Tensor]:
    # All four gates in one product each for the input and the recurrent path.
    z = x @ w_ih.T + b_ih + h @ w_hh.T + b_hh  # (B, 4H)
    z_i, z_f, z_g, z_o = z.chunk(4, dim=1)  # PyTorch's stacking order: i, f, g, o
    i = torch.sigmoid(z_i)  # how much of the candidate to write
    f = torch.sigmoid(z_f)  # how much of the old cell to keep
    g = torch.tanh(z_g)  # the candidate content
    o = torch.sigmoid(z_o)  # how much of the cell to expose
    # The additive cell update is what lets gradients flow across many steps.
    c_new = f * c + i * g
    h_new = o * c_new
    return h_new, c_new


def lstm_sequence(
    xs: Tensor, h0: Tensor, c0: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor, b_hh: Tensor
) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    h, c = h0, c0
    outputs = []
    for t in range(xs.shape[0]):  # time is the first dimension
        h, c = lstm_cell(xs[t], h, c, w_ih, w_hh, b_ih, b_hh)
        outputs.append(h)
    return torch.stack(outputs), (h, c)
