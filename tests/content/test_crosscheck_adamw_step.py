"""The adamw_step reference agrees with torch.optim.AdamW, step for step."""

from pathlib import Path

import pytest
import torch
from itemload import load_module

ITEM = Path(__file__).parents[2] / "src/onsite/packs/core/code/optimisation/adamw-step"


def load(path: Path):
    return load_module(path)


reference = load(ITEM / ".meta/solution.py")
SHAPES = [(), (7,), (3, 4), (2, 3, 5)]


def trajectories(step_fn, hyper, steps, dtype, grad_scale, seed=0):
    """Run our function and torch.optim.AdamW side by side; return both parameter lists."""
    g = torch.Generator().manual_seed(seed)
    start = [torch.randn(s, generator=g, dtype=dtype) for s in SHAPES]
    ours = [p.clone() for p in start]
    theirs = [torch.nn.Parameter(p.clone()) for p in start]
    opt = torch.optim.AdamW(theirs, **hyper)
    state: dict = {}
    for _ in range(steps):
        grads = [torch.randn(s, generator=g, dtype=dtype) * grad_scale for s in SHAPES]
        step_fn(ours, grads, state, **hyper)
        for p, grad in zip(theirs, grads, strict=True):
            p.grad = grad.clone()
        opt.step()
    return ours, [p.detach() for p in theirs]


@pytest.mark.parametrize(
    "hyper,grad_scale",
    [
        ({"lr": 1e-3}, 1.0),
        ({"lr": 1e-2, "weight_decay": 0.0}, 1.0),
        ({"lr": 1e-2, "weight_decay": 0.1}, 1.0),
        ({"lr": 0.1, "weight_decay": 0.5}, 1.0),
        ({"lr": 3e-3, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.05}, 1.0),
        ({"lr": 1e-3}, 1e-9),
        ({"lr": 1e-2, "weight_decay": 0.1}, 0.0),
    ],
)
def test_matches_torch_adamw_50_steps(hyper, grad_scale):
    ours, theirs = trajectories(reference.adamw_step, hyper, 50, torch.float64, grad_scale)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


def test_float32_matches_and_keeps_dtype():
    ours, theirs = trajectories(reference.adamw_step, {"lr": 1e-2, "weight_decay": 0.1}, 50,
                                torch.float32, 1.0)
    for a, b in zip(ours, theirs, strict=True):
        assert a.dtype == torch.float32
        torch.testing.assert_close(a, b, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize(
    "variant", ["l2_instead_of_decoupled", "decay_after_update", "eps_inside_sqrt",
                "no_bias_correction", "step_never_incremented", "step_counted_per_tensor"],
)
def test_wrong_variants_disagree_with_torch(variant):
    """The comparison has teeth: each known-wrong variant drifts away from torch."""
    wrong = load(ITEM / f".meta/wrong/{variant}.py")
    hyper = {"lr": 0.1, "weight_decay": 0.5, "eps": 1e-3}
    ours, theirs = trajectories(wrong.adamw_step, hyper, 50, torch.float64, 1.0)
    assert any(not torch.allclose(a, b, atol=1e-9) for a, b in zip(ours, theirs, strict=True))
