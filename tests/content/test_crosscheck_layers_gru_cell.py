"""layers/gru-cell: the reference against torch.nn.GRUCell and torch.nn.GRU with copied
weights, values and gradients in float64."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "layers/gru-cell"
ref = reference(ITEM)


def torch_cell(n_in, H, bias, seed):
    torch.manual_seed(seed)
    cell = torch.nn.GRUCell(n_in, H, bias=bias).double()
    with torch.no_grad():  # biases bigger than the default init, so the b_hn placement matters
        for p in cell.parameters():
            p.uniform_(-1, 1)
    return cell


def params(cell):
    return (cell.weight_ih, cell.weight_hh, getattr(cell, "bias_ih", None), getattr(cell, "bias_hh", None))


@pytest.mark.parametrize("B,n_in,H,bias", [(3, 5, 4, True), (2, 3, 6, False), (1, 1, 1, True),
                                            (4, 8, 16, True)])
def test_step_matches_grucell(B, n_in, H, bias):
    cell = torch_cell(n_in, H, bias, seed=B + H)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(B, n_in, generator=g, dtype=torch.float64, requires_grad=True)
    h = torch.randn(B, H, generator=g, dtype=torch.float64, requires_grad=True)
    up = torch.randn(B, H, generator=g, dtype=torch.float64)
    leaves = [x, h, *[p for p in params(cell) if p is not None]]
    ours = ref.gru_step(x, h, *params(cell))
    theirs = cell(x, h)
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    grads_ours = torch.autograd.grad((ours * up).sum(), leaves)
    grads_theirs = torch.autograd.grad((theirs * up).sum(), leaves)
    for a, b in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


def test_sequence_matches_gru():
    torch.manual_seed(3)
    gru = torch.nn.GRU(4, 5).double()
    xs = torch.randn(7, 2, 4, dtype=torch.float64)
    h0 = torch.randn(2, 5, dtype=torch.float64)
    w = (gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0)
    outputs, h_last = ref.gru_sequence(xs, h0, *w)
    want_out, want_h = gru(xs, h0[None])
    torch.testing.assert_close(outputs, want_out, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(h_last, want_h[0], atol=1e-12, rtol=1e-10)
    outputs0, _ = ref.gru_sequence(xs, None, *w)
    torch.testing.assert_close(outputs0, gru(xs)[0], atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["reset_before_projection", "bias_outside_reset", "swapped_update",
                                  "gate_order_zrn", "sigmoid_candidate", "state_not_carried"])
def test_wrong_variants_disagree(name):
    torch.manual_seed(4)
    gru = torch.nn.GRU(3, 4).double()
    with torch.no_grad():
        for p in gru.parameters():
            p.uniform_(-1, 1)
    xs = torch.randn(5, 2, 3, dtype=torch.float64)
    h0 = torch.randn(2, 4, dtype=torch.float64)
    w = (gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0)
    with torch.no_grad():
        got, _ = wrong(ITEM, name).gru_sequence(xs, h0, *w)
        want, _ = gru(xs, h0[None])
    assert not torch.allclose(got, want, atol=1e-6)
