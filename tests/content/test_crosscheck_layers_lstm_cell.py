"""The LSTM reference agrees with nn.LSTMCell and nn.LSTM given the same weights, values and
gradients."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "layers/lstm-cell"
ref = reference(ITEM)


def cell_and_weights(n_in, H, seed, scale=1.0):
    torch.manual_seed(seed)
    cell = torch.nn.LSTMCell(n_in, H).double()
    with torch.no_grad():
        for p in cell.parameters():
            p.mul_(scale)
    ws = [p.detach().clone().requires_grad_(True)
          for p in (cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)]
    return cell, ws


@pytest.mark.parametrize("B,n_in,H,scale", [(3, 5, 4, 1.0), (1, 1, 1, 1.0), (4, 2, 7, 10.0)])
def test_step_matches_lstm_cell(B, n_in, H, scale):
    cell, ws = cell_and_weights(n_in, H, 0, scale)
    g = torch.Generator().manual_seed(1)
    x, h, c = (torch.randn(B, n, generator=g, dtype=torch.float64, requires_grad=True)
               for n in (n_in, H, H))
    h1, c1 = ref.lstm_cell(x, h, c, *ws)
    loss = (h1 * torch.arange(H)).sum() + c1.pow(2).sum()
    ours = torch.autograd.grad(loss, [x, h, c, *ws])
    h2, c2 = cell(x, (h, c))
    loss2 = (h2 * torch.arange(H)).sum() + c2.pow(2).sum()
    theirs = torch.autograd.grad(loss2, [x, h, c, cell.weight_ih, cell.weight_hh, cell.bias_ih,
                                        cell.bias_hh])
    torch.testing.assert_close(h1, h2, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(c1, c2, atol=1e-12, rtol=1e-10)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("T,B", [(6, 2), (1, 3), (12, 1)])
def test_sequence_matches_nn_lstm(T, B):
    n_in, H = 3, 5
    torch.manual_seed(2)
    lstm = torch.nn.LSTM(n_in, H).double()  # time-first by default, like ours
    ws = [p.detach().clone().requires_grad_(True)
          for p in (lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0)]
    g = torch.Generator().manual_seed(3)
    xs = torch.randn(T, B, n_in, generator=g, dtype=torch.float64)
    h0, c0 = (torch.randn(B, H, generator=g, dtype=torch.float64) for _ in range(2))
    out, (hT, cT) = ref.lstm_sequence(xs, h0, c0, *ws)
    their_out, (their_h, their_c) = lstm(xs, (h0[None], c0[None]))
    torch.testing.assert_close(out, their_out, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(hT, their_h[0], atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(cT, their_c[0], atol=1e-12, rtol=1e-10)
    ours = torch.autograd.grad(out.sum() + cT.sum(), ws)
    theirs = torch.autograd.grad(their_out.sum() + their_c.sum(),
                                 [lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0,
                                  lstm.bias_hh_l0])
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-11, rtol=1e-9)


def test_float32_keeps_dtype():
    cell = torch.nn.LSTMCell(3, 4)
    x, h, c = torch.randn(2, 3), torch.randn(2, 4), torch.randn(2, 4)
    h1, c1 = ref.lstm_cell(x, h, c, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    assert h1.dtype == torch.float32
    torch.testing.assert_close((h1, c1), cell(x, (h, c)))


@pytest.mark.parametrize("variant", ["gate_order_ifog", "gate_order_igfo", "no_tanh_on_cell",
                                     "old_cell_in_output", "one_bias", "state_not_carried"])
def test_wrong_variants_disagree_with_nn_lstm(variant):
    mod = wrong(ITEM, variant)
    torch.manual_seed(4)
    lstm = torch.nn.LSTM(3, 4).double()
    ws = [p.detach() for p in (lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0,
                               lstm.bias_hh_l0)]
    xs = torch.randn(5, 2, 3, dtype=torch.float64)
    h0, c0 = torch.randn(2, 4, dtype=torch.float64), torch.randn(2, 4, dtype=torch.float64)
    out, _ = mod.lstm_sequence(xs, h0, c0, *ws)
    their_out, _ = lstm(xs, (h0[None], c0[None]))
    assert not torch.allclose(out, their_out, atol=1e-8)
