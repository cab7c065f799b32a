"""The adam_step reference agrees with torch.optim.Adam (coupled L2 decay), step for step."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "optimisation/adam-bias-correction"
ref = reference(ITEM)
SHAPES = [(), (7,), (3, 4), (2, 3, 5)]


def trajectories(step_fn, hyper, steps, dtype=torch.float64, grad_scale=1.0, seed=0):
    """Run our function and torch.optim.Adam side by side; return both parameter lists."""
    g = torch.Generator().manual_seed(seed)
    start = [torch.randn(s, generator=g, dtype=dtype) for s in SHAPES]
    ours = [p.clone() for p in start]
    theirs = [torch.nn.Parameter(p.clone()) for p in start]
    opt = torch.optim.Adam(theirs, **hyper)
    state: dict = {}
    for _ in range(steps):
        grads = [torch.randn(s, generator=g, dtype=dtype) * grad_scale for s in SHAPES]
        step_fn(ours, grads, state, **hyper)
        for p, grad in zip(theirs, grads, strict=True):
            p.grad = grad.clone()
        opt.step()
    return ours, [p.detach() for p in theirs]


HYPERS = [
    ({"lr": 1e-3}, 1.0),
    ({"lr": 1e-2, "weight_decay": 0.1}, 1.0),
    ({"lr": 0.1, "weight_decay": 0.5}, 1.0),
    ({"lr": 1e-3}, 1e-9),
    ({"lr": 1e-2, "betas": (0.9, 0.9), "amsgrad": True}, 1.0),
    ({"lr": 3e-3, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.05, "amsgrad": True}, 1.0),
]


@pytest.mark.parametrize("hyper,grad_scale", HYPERS, ids=[str(h) for h, _ in HYPERS])
def test_matches_torch_adam_40_steps(hyper, grad_scale):
    ours, theirs = trajectories(ref.adam_step, hyper, 40, grad_scale=grad_scale)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


def test_float32_matches_and_keeps_dtype():
    ours, theirs = trajectories(ref.adam_step, {"lr": 1e-2, "weight_decay": 0.1, "amsgrad": True},
                                40, torch.float32)
    for a, b in zip(ours, theirs, strict=True):
        assert a.dtype == torch.float32
        torch.testing.assert_close(a, b, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("variant,hyper,grad_scale", [
    ("no_bias_correction", {"lr": 1e-2}, 1.0),
    ("eps_inside_sqrt", {"lr": 1e-3}, 1e-9),
    ("decoupled_decay", {"lr": 1e-2, "weight_decay": 0.5}, 1.0),
    ("amsgrad_max_of_corrected", {"lr": 1e-2, "betas": (0.9, 0.9), "amsgrad": True}, 1.0),
    ("amsgrad_ignored", {"lr": 1e-2, "betas": (0.9, 0.9), "amsgrad": True}, 1.0),
    ("step_counted_per_tensor", {"lr": 1e-2}, 1.0),
])
def test_wrong_variants_disagree_with_torch(variant, hyper, grad_scale):
    """The comparison has teeth: each known-wrong variant drifts away from torch."""
    ours, theirs = trajectories(wrong(ITEM, variant).adam_step, hyper, 20, grad_scale=grad_scale)
    assert any(not torch.allclose(a, b, atol=1e-12, rtol=1e-6) for a, b in zip(ours, theirs, strict=True))
