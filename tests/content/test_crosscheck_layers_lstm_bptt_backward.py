"""Cross-checks for layers/lstm-bptt-backward: the hand-written backward against
torch.autograd through torch.nn.LSTM loaded with the same weights (weight_ih = W.T,
weight_hh = U.T, bias_ih = b, bias_hh = 0), over several shapes and seeds."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from itemload import reference, wrong

ITEM = "layers/lstm-bptt-backward"
ref = reference(ITEM)


def problem(T, B, n_in, H, seed, scale):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((T, B, n_in))
    h0, c0 = rng.standard_normal((B, H)), rng.standard_normal((B, H))
    W = rng.standard_normal((n_in, 4 * H)) * scale
    U = rng.standard_normal((H, 4 * H)) * scale
    b = rng.standard_normal(4 * H) * scale
    dhs = rng.standard_normal((T, B, H))
    dc_T = rng.standard_normal((B, H))
    return (x, h0, c0, W, U, b), dhs, dc_T


def torch_grads(args, dhs, dc_T):
    x, h0, c0, W, U, b = args
    n_in, H = W.shape[0], U.shape[0]
    lstm = torch.nn.LSTM(n_in, H).double()
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.from_numpy(W.T))
        lstm.weight_hh_l0.copy_(torch.from_numpy(U.T))
        lstm.bias_ih_l0.copy_(torch.from_numpy(b))
        lstm.bias_hh_l0.zero_()
    tx = torch.from_numpy(x).requires_grad_(True)
    th = torch.from_numpy(h0[None].copy()).requires_grad_(True)
    tc = torch.from_numpy(c0[None].copy()).requires_grad_(True)
    out, (_, c_n) = lstm(tx, (th, tc))
    loss = (out * torch.from_numpy(dhs)).sum() + (c_n[0] * torch.from_numpy(dc_T)).sum()
    gx, gW, gU, gb, gh, gc = torch.autograd.grad(
        loss, [tx, lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, th, tc])
    return out.detach().numpy(), {"dx": gx.numpy(), "dW": gW.numpy().T, "dU": gU.numpy().T,
                                  "db": gb.numpy(), "dh0": gh[0].numpy(), "dc0": gc[0].numpy()}


SHAPES = [(5, 3, 4, 6, 0, 0.5), (1, 2, 3, 4, 1, 1.0), (12, 1, 1, 1, 2, 1.0),
          (7, 4, 2, 3, 3, 5.0), (20, 2, 3, 5, 4, 0.3)]


@pytest.mark.parametrize("T,B,n_in,H,seed,scale", SHAPES)
def test_matches_torch_autograd(T, B, n_in, H, seed, scale):
    args, dhs, dc_T = problem(T, B, n_in, H, seed, scale)
    hs, _, cache = ref.lstm_forward(*args)
    got = ref.lstm_backward(dhs, cache, dc_T)
    t_hs, want = torch_grads(args, dhs, dc_T)
    np.testing.assert_allclose(hs, t_hs, atol=1e-12, rtol=1e-10)
    for key, value in want.items():
        np.testing.assert_allclose(got[key], value, atol=1e-12, rtol=1e-9, err_msg=key)


def test_dc_T_none_equals_zeros():
    args, dhs, _ = problem(4, 2, 3, 3, 5, 1.0)
    _, _, cache = ref.lstm_forward(*args)
    a = ref.lstm_backward(dhs, cache, None)
    b = ref.lstm_backward(dhs, cache, np.zeros((2, 3)))
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])


@pytest.mark.parametrize("name", ["no_cell_path_through_forget", "gate_derivatives_swapped",
                                  "dh_not_carried", "tanh_derivative_of_c",
                                  "recurrent_grad_uses_h_t", "dc_T_ignored"])
def test_wrong_variants_disagree_with_torch(name):
    bad = wrong(ITEM, name)
    args, dhs, dc_T = problem(5, 3, 4, 6, 0, 0.5)
    _, _, cache = bad.lstm_forward(*args)
    got = bad.lstm_backward(dhs, cache, dc_T)
    _, want = torch_grads(args, dhs, dc_T)
    assert any(not np.allclose(got[k], want[k], atol=1e-6, rtol=1e-5) for k in want)
