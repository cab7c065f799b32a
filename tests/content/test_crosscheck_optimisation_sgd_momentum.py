"""The sgd_step reference agrees with torch.optim.SGD, step for step."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "optimisation/sgd-momentum"
ref = reference(ITEM)
SHAPES = [(), (7,), (3, 4), (2, 3, 5)]


def trajectories(step_fn, hyper, lrs, dtype=torch.float64, seed=0):
    """Run our function and torch.optim.SGD side by side; return both parameter lists."""
    g = torch.Generator().manual_seed(seed)
    start = [torch.randn(s, generator=g, dtype=dtype) for s in SHAPES]
    ours = [p.clone() for p in start]
    theirs = [torch.nn.Parameter(p.clone()) for p in start]
    opt = torch.optim.SGD(theirs, lr=lrs[0], **hyper)
    state: dict = {}
    for lr in lrs:
        grads = [torch.randn(s, generator=g, dtype=dtype) for s in SHAPES]
        step_fn(ours, grads, state, lr, **hyper)
        for group in opt.param_groups:
            group["lr"] = lr
        for p, grad in zip(theirs, grads, strict=True):
            p.grad = grad.clone()
        opt.step()
    return ours, [p.detach() for p in theirs]


HYPERS = [
    {},
    {"momentum": 0.9},
    {"momentum": 0.9, "dampening": 0.5},
    {"momentum": 0.9, "nesterov": True},
    {"momentum": 0.9, "weight_decay": 0.1},
    {"weight_decay": 0.3},
    {"momentum": 0.95, "dampening": 0.2, "weight_decay": 0.05},
    {"momentum": 0.8, "weight_decay": 0.05, "nesterov": True},
]


@pytest.mark.parametrize("hyper", HYPERS, ids=[str(h) for h in HYPERS])
def test_matches_torch_sgd_18_steps(hyper):
    lrs = [0.05] * 8 + [0.2, 0.01, 0.1, 0.3, 0.02] * 2  # constant, then changing
    ours, theirs = trajectories(ref.sgd_step, hyper, lrs)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


def test_float32_matches_and_keeps_dtype():
    ours, theirs = trajectories(ref.sgd_step, {"momentum": 0.9, "weight_decay": 0.01},
                                [0.05] * 20, torch.float32)
    for a, b in zip(ours, theirs, strict=True):
        assert a.dtype == torch.float32
        torch.testing.assert_close(a, b, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("variant,hyper", [
    ("zero_init_buffer", {"momentum": 0.9, "dampening": 0.5}),
    ("lr_in_buffer", {"momentum": 0.9}),
    ("decoupled_decay", {"momentum": 0.9, "weight_decay": 0.1}),
    ("nesterov_old_buffer", {"momentum": 0.9, "nesterov": True}),
    ("decay_outside_buffer", {"momentum": 0.9, "weight_decay": 0.1}),
])
def test_wrong_variants_disagree_with_torch(variant, hyper):
    """The comparison has teeth: each known-wrong variant drifts away from torch."""
    lrs = [0.2, 0.01, 0.1, 0.3, 0.02] * 4
    ours, theirs = trajectories(wrong(ITEM, variant).sgd_step, hyper, lrs)
    assert any(not torch.allclose(a, b, atol=1e-9) for a, b in zip(ours, theirs, strict=True))
