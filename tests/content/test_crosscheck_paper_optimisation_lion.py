"""Cross-check paper/optimisation/lion: the reference against a scalar-by-scalar Python
transcription of the paper's Algorithm 2, over many steps and shapes."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "optimisation/lion"
ref = reference(ITEM, "paper")


def py_sign(x: float) -> float:
    return (x > 0) - (x < 0)


def loop_lion(values, grads_per_step, lr, betas=(0.9, 0.99), wd=0.0):
    """values: flat list of floats; grads_per_step: list of flat lists."""
    b1, b2 = betas
    theta = list(values)
    m = [0.0] * len(theta)
    for grads in grads_per_step:
        for i, g in enumerate(grads):
            c = b1 * m[i] + (1 - b1) * g
            theta[i] = theta[i] - lr * (py_sign(c) + wd * theta[i])
            m[i] = b2 * m[i] + (1 - b2) * g
    return theta


def run(module, shapes, steps, seed, lr, zero_first=False, **kw):
    g = torch.Generator().manual_seed(seed)
    params = [torch.randn(s, generator=g, dtype=torch.float64) for s in shapes]
    start = [p.clone() for p in params]
    history = []
    state: dict = {}
    for step in range(steps):
        grads = [torch.randn(s, generator=g, dtype=torch.float64) for s in shapes]
        if zero_first and step == 0:
            grads = [torch.zeros_like(x) for x in grads]
        history.append(grads)
        module.lion_step(params, grads, state, lr, **kw)
    return start, history, params


@pytest.mark.parametrize("shapes,steps,lr,betas,wd,zero_first,seed", [
    ([(3, 4), (5,)], 1, 1e-2, (0.9, 0.99), 0.0, False, 0),
    ([(), (6,), (2, 3)], 10, 1e-2, (0.9, 0.99), 0.0, False, 1),
    ([(8, 4), (4,)], 50, 3e-3, (0.9, 0.99), 1.0, False, 2),
    ([(3, 3)], 3, 1e-2, (0.9, 0.99), 0.1, True, 3),
    ([(4, 4), (3,)], 20, 1e-2, (0.95, 0.98), 0.05, False, 4)])
def test_matches_scalar_loop(shapes, steps, lr, betas, wd, zero_first, seed):
    start, history, params = run(ref, shapes, steps, seed, lr, zero_first, betas=betas,
                                 weight_decay=wd)
    for j, (p0, p) in enumerate(zip(start, params, strict=True)):
        want = loop_lion(p0.flatten().tolist(), [h[j].flatten().tolist() for h in history],
                         lr, betas, wd)
        assert p.flatten().tolist() == pytest.approx(want, rel=1e-12, abs=1e-12)


def test_worked_example():
    p = torch.tensor(1.0, dtype=torch.float64)
    state: dict = {}
    ref.lion_step([p], [torch.tensor(-2.0, dtype=torch.float64)], state, lr=0.1, weight_decay=0.5)
    assert p.item() == pytest.approx(1.05)
    ref.lion_step([p], [torch.tensor(0.1, dtype=torch.float64)], state, lr=0.1, weight_decay=0.5)
    assert p.item() == pytest.approx(1.0975)


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name, "paper")
    differs = False
    for steps, wd, zero_first, seed in ((20, 1.0, False, 5), (3, 0.1, True, 6)):
        start, history, params = run(bad, [(6, 5)], steps, seed, 1e-2, zero_first,
                                     weight_decay=wd)
        want = loop_lion(start[0].flatten().tolist(), [h[0].flatten().tolist() for h in history],
                         1e-2, (0.9, 0.99), wd)
        differs |= params[0].flatten().tolist() != pytest.approx(want, rel=1e-9, abs=1e-12)
    assert differs
