import torch
from torch import Tensor


def gru_step(
    x: Tensor, h: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor | None = None, b_hh: Tensor | None = None
) -> Tensor:
    gi = x @ w_ih.T                                                   # (B, 3H): input part of every gate
    gh = h @ w_hh.T                                                   # (B, 3H): hidden part
    if b_ih is not None:
        gi = gi + b_ih
    if b_hh is not None:
        gh = gh + b_hh
    i_r, i_z, i_n = gi.chunk(3, dim=-1)                               # rows stacked as (reset, update, new)
    h_r, h_z, h_n = gh.chunk(3, dim=-1)
    r = torch.sigmoid(i_r + h_r)
    z = torch.sigmoid(i_z + h_z)
    # torch's convention: the reset gate scales the hidden projection *with* its bias.
    n = torch.tanh(i_n + r * h_n)
    return (1 - z) * n + z * h                                        # z keeps the old state


def gru_sequence(
    xs: Tensor, h0: Tensor | None, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor | None = None,
    b_hh: Tensor | None = None,
) -> tuple[Tensor, Tensor]:
    T, B, _ = xs.shape
    H = w_hh.shape[1]
    h = xs.new_zeros(B, H) if h0 is None else h0
    outputs = []
    for t in range(T):
        h = gru_step(xs[t], h, w_ih, w_hh, b_ih, b_hh)
        outputs.append(h)
    return torch.stack(outputs), h
