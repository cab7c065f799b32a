"""transformers/selective-ssm-scan: the sequential reference against the closed-form unrolled
sum h_t = sum_s exp(A * sum_{r=s+1..t} delta_r) * delta_s B_s x_s + exp(A * sum_{r<=t} delta_r) h0,
computed with cumulative sums and no loop, and against a plain-Python scalar loop."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "transformers/selective-ssm-scan"
ref = reference(ITEM)


def inputs(Bt, L, D, N, seed, shift=0.0):
    g = torch.Generator().manual_seed(seed)
    dt = torch.float64
    x = torch.randn(Bt, L, D, generator=g, dtype=dt)
    delta = F.softplus(torch.randn(Bt, L, D, generator=g, dtype=dt) + shift)
    A = -torch.exp(torch.randn(D, N, generator=g, dtype=dt) * 0.5)
    B = torch.randn(Bt, L, N, generator=g, dtype=dt)
    C = torch.randn(Bt, L, N, generator=g, dtype=dt)
    D_skip = torch.randn(D, generator=g, dtype=dt)
    h0 = torch.randn(Bt, D, N, generator=g, dtype=dt)
    return x, delta, A, B, C, D_skip, h0


def closed_form(x, delta, A, B, C, D_skip, h0):
    Bt, L, D = x.shape
    cum = torch.cumsum(delta, dim=1)                                  # (Bt, L, D): sum_{r<=t} delta_r
    # decay[b, t, s, d, n] = exp(A * (cum_t - cum_s)) for s <= t, else 0
    diff = cum[:, :, None, :] - cum[:, None, :, :]                    # (Bt, t, s, D)
    causal = torch.ones(L, L, dtype=torch.bool).tril()[None, :, :, None, None]
    decay = torch.where(causal, torch.exp(diff[..., None] * A), torch.zeros((), dtype=x.dtype))
    inp = delta[..., None] * B[:, :, None, :] * x[..., None]          # (Bt, s, D, N)
    h = (decay * inp[:, None]).sum(dim=2) + torch.exp(cum[..., None] * A) * h0[:, None]  # (Bt, t, D, N)
    y = (h * C[:, :, None, :]).sum(-1) + D_skip * x
    return y, h[:, -1]


def scalar_loop(x, delta, A, B, C, D_skip, h0):
    Bt, L, D = x.shape
    N = A.shape[1]
    y = [[[0.0] * D for _ in range(L)] for _ in range(Bt)]
    for b in range(Bt):
        for d in range(D):
            h = [h0[b, d, n].item() for n in range(N)]
            for t in range(L):
                dt_ = delta[b, t, d].item()
                for n in range(N):
                    h[n] = math.exp(dt_ * A[d, n].item()) * h[n] + dt_ * B[b, t, n].item() * x[b, t, d].item()
                readout = sum(C[b, t, n].item() * h[n] for n in range(N))
                y[b][t][d] = readout + D_skip[d].item() * x[b, t, d].item()
    return torch.tensor(y, dtype=torch.float64)


@pytest.mark.parametrize("Bt,L,D,N,shift", [(2, 8, 4, 3, 0.0), (3, 1, 2, 5, 0.0), (1, 12, 3, 2, 4.0),
                                            (1, 12, 3, 2, -4.0), (2, 6, 5, 8, 0.0)])
def test_matches_closed_form_and_loop(Bt, L, D, N, shift):
    args = inputs(Bt, L, D, N, seed=L + N, shift=shift)
    y, h = ref.selective_scan(*args)
    y_cf, h_cf = closed_form(*args)
    torch.testing.assert_close(y, y_cf, atol=1e-11, rtol=1e-10)
    torch.testing.assert_close(h, h_cf, atol=1e-11, rtol=1e-10)
    torch.testing.assert_close(y, scalar_loop(*args), atol=1e-11, rtol=1e-10)


def test_gradients_match_closed_form():
    args = [t.requires_grad_(True) for t in inputs(2, 5, 3, 2, seed=1)]
    up = torch.randn(2, 5, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    ours = torch.autograd.grad((ref.selective_scan(*args)[0] * up).sum(), args)
    theirs = torch.autograd.grad((closed_form(*args)[0] * up).sum(), args)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-10, rtol=1e-9)


@pytest.mark.parametrize("name", ["euler_for_a", "full_zoh_for_b", "read_before_update", "no_skip",
                                  "negates_a", "ignores_h0"])
def test_wrong_variants_disagree(name):
    args = inputs(2, 6, 3, 4, seed=2, shift=1.0)
    y, h = wrong(ITEM, name).selective_scan(*args)
    y_cf, h_cf = closed_form(*args)
    assert not (torch.allclose(y, y_cf) and torch.allclose(h, h_cf))
