"""Cross-checks for systems/zero3-sharded-step: R simulated ranks with sharded AdamW must
match single-process torch.optim.AdamW on the concatenated full batch, for several world
sizes (with and without padding), models and seeds; the wrong variants must not."""

from __future__ import annotations

import pytest
import torch
from itemload import reference, wrong
from torch import nn

ITEM = "systems/zero3-sharded-step"
ref = reference(ITEM)


def make_model(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 5), nn.GELU(), nn.Linear(5, 2)).double()


def functional_loss(model):
    names = [n for n, _ in model.named_parameters()]

    def loss_fn(params, x, y):
        out = torch.func.functional_call(model, dict(zip(names, params, strict=True)), (x,))
        return torch.nn.functional.cross_entropy(out, y)

    return loss_fn


def data(R, n, seed):
    g = torch.Generator().manual_seed(seed)
    return [(torch.randn(n, 3, generator=g, dtype=torch.float64),
             torch.randint(0, 2, (n,), generator=g)) for _ in range(R)]


def run_pair(opt_module, R, seed, steps=4, lr=0.05, wd=0.1, betas=(0.9, 0.99)):
    model = make_model(seed)
    init = [p.detach().clone() for p in model.parameters()]
    loss_fn = functional_loss(model)
    zero = opt_module.Zero3AdamW(init, R, lr=lr, betas=betas, eps=1e-8, weight_decay=wd)
    single = [p.clone().requires_grad_(True) for p in init]
    adamw = torch.optim.AdamW(single, lr=lr, betas=betas, eps=1e-8, weight_decay=wd)
    for k in range(steps):
        batches = data(R, 4, seed * 100 + k)
        zero.step(loss_fn, batches)
        x = torch.cat([b[0] for b in batches])
        y = torch.cat([b[1] for b in batches])
        adamw.zero_grad()
        loss_fn(single, x, y).backward()
        adamw.step()
    return zero, single, adamw, init


@pytest.mark.parametrize("R", [1, 2, 3, 4, 7, 64])
@pytest.mark.parametrize("seed", [0, 1])
def test_matches_single_process_adamw(R, seed):
    # P = 3*5 + 5 + 5*2 + 2 = 32: R = 3 and 7 need padding, R = 64 > P leaves empty shards
    zero, single, adamw, init = run_pair(ref, R, seed)
    for got, want in zip(zero.full_params(), single, strict=True):
        torch.testing.assert_close(got, want.detach(), atol=1e-12, rtol=1e-10)
    # the sharded moments, gathered, are torch's moments
    m = torch.cat(zero.exp_avg)[:32]
    v = torch.cat(zero.exp_avg_sq)[:32]
    tm = torch.cat([adamw.state[p]["exp_avg"].reshape(-1) for p in single])
    tv = torch.cat([adamw.state[p]["exp_avg_sq"].reshape(-1) for p in single])
    torch.testing.assert_close(m, tm, atol=1e-14, rtol=1e-10)
    torch.testing.assert_close(v, tv, atol=1e-16, rtol=1e-10)
    # padding stays zero and the inputs were not modified
    assert torch.all(torch.cat(zero.shards)[32:] == 0)
    assert all(len(s) == -(-32 // R) for s in zero.shards)
    model = make_model(seed)
    for p, q in zip(init, model.parameters(), strict=True):
        assert torch.equal(p, q.detach())


@pytest.mark.parametrize("name", ["reduce_scatter_sums", "decay_on_gathered_copy",
                                  "tail_parameters_dropped", "aliased_adam_state",
                                  "step_counted_per_rank"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    zero, single, adamw, _ = run_pair(bad, 3, 0)
    params_ok = all(torch.allclose(a, b.detach(), atol=1e-9, rtol=1e-7)
                    for a, b in zip(zero.full_params(), single, strict=True))
    tm = torch.cat([adamw.state[p]["exp_avg"].reshape(-1) for p in single])
    m = torch.cat(zero.exp_avg)[:32]
    moments_ok = m.shape == tm.shape and torch.allclose(m, tm, atol=1e-12, rtol=1e-9)
    assert not (params_ok and moments_ok)
