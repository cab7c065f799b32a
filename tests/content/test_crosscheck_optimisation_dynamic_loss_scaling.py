"""The DynamicLossScaler reference agrees with torch.amp.GradScaler on CPU, iteration by
iteration: same scale after every update, same skipped steps, same parameters."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "optimisation/dynamic-loss-scaling"
ref = reference(ITEM)


def inputs(n, dim, seed, p_big=0.2, p_nan=0.05):
    g = torch.Generator().manual_seed(seed)
    xs = []
    for _ in range(n):
        x = torch.randn(dim, generator=g)
        u = float(torch.rand((), generator=g))
        if u < p_nan:
            x[0] = float("nan")
        elif u < p_nan + p_big:
            # between 1e33 and 1e35: overflows for some scales and not others
            x[1] = 10 ** (33 + 2 * float(torch.rand((), generator=g)))
        xs.append(x)
    return xs


def run_ours(cls, xs, w0, lr, explicit, **kw):
    scaler = cls(**kw)
    w = w0.clone().requires_grad_(True)
    scales, stepped = [], []

    def sgd():
        with torch.no_grad():
            w.sub_(lr * w.grad)

    for x in xs:
        w.grad = None
        scaler.scale((w * x).sum()).backward()
        if explicit:
            scaler.unscale_([w.grad])
        stepped.append(scaler.step([w.grad], sgd))
        scaler.update()
        scales.append(scaler.get_scale())
    return scales, stepped, w.detach()


def run_torch(xs, w0, lr, explicit, **kw):
    w = torch.nn.Parameter(w0.clone())
    opt = torch.optim.SGD([w], lr=lr)
    scaler = torch.amp.GradScaler("cpu", **kw)
    scales, stepped = [], []
    for x in xs:
        opt.zero_grad()
        scaler.scale((w * x).sum()).backward()
        if explicit:
            scaler.unscale_(opt)
        scaler.step(opt)
        stepped.append(bool(torch.isfinite(w.grad).all()))  # GradScaler skips exactly then
        scaler.update()
        scales.append(scaler.get_scale())
    return scales, stepped, w.detach()


CONFIGS = [
    {"growth_interval": 3},
    {"growth_interval": 1, "init_scale": 2.0**10},
    {"growth_interval": 4, "growth_factor": 4.0, "backoff_factor": 0.25},
    {"growth_interval": 2, "init_scale": 2.0**20},
]


@pytest.mark.parametrize("config", CONFIGS, ids=[str(c) for c in CONFIGS])
@pytest.mark.parametrize("explicit", [False, True])
@pytest.mark.parametrize("seed", [0, 1])
def test_matches_torch_grad_scaler(config, explicit, seed):
    xs = inputs(30, 4, seed)
    w0 = torch.randn(4, generator=torch.Generator().manual_seed(seed + 50))
    ours = run_ours(ref.DynamicLossScaler, xs, w0, 0.05, explicit, **config)
    theirs = run_torch(xs, w0, 0.05, explicit, **config)
    assert ours[0] == theirs[0]
    assert ours[1] == theirs[1]
    torch.testing.assert_close(ours[2], theirs[2], atol=1e-6, rtol=1e-6)
    assert not all(ours[1]) and any(ours[1])  # the sequence exercises both branches


@pytest.mark.parametrize("variant", ["count_not_reset_on_overflow", "steps_on_overflow",
                                     "isinf_misses_nan", "unscales_twice", "grows_one_late",
                                     "unscaled_flag_not_reset"])
def test_wrong_variants_disagree_with_torch(variant):
    cls = wrong(ITEM, variant).DynamicLossScaler
    disagree = False
    for seed in range(3):
        xs = inputs(30, 4, seed)
        w0 = torch.randn(4, generator=torch.Generator().manual_seed(seed + 50))
        for explicit in (False, True):
            ours = run_ours(cls, xs, w0, 0.05, explicit, growth_interval=3)
            theirs = run_torch(xs, w0, 0.05, explicit, growth_interval=3)
            disagree |= ours[0] != theirs[0] or ours[1] != theirs[1] or not torch.allclose(
                ours[2], theirs[2], atol=1e-6, equal_nan=True)
    assert disagree
