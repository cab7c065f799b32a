"""classical/mlp-backprop-numpy: the hand-written backward pass against torch.autograd
(F.cross_entropy over the same float64 MLP)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "classical/mlp-backprop-numpy"
ref = reference(ITEM)
KEYS = ("W1", "b1", "W2", "b2")


def autograd(X, y, params, l2):
    p = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    S = torch.relu(torch.from_numpy(X) @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    loss = F.cross_entropy(S, torch.from_numpy(y)) + 0.5 * l2 * (p["W1"].square().sum()
                                                                 + p["W2"].square().sum())
    loss.backward()
    return loss.item(), {k: p[k].grad.numpy() for k in KEYS}


def problem(seed, n, d, h, c, scale=1.0, integer=False):
    g = np.random.default_rng(seed)
    if integer:  # exact zeros before the ReLU
        X = g.integers(-1, 2, (n, d)).astype(np.float64)
        params = {"W1": g.integers(-1, 2, (d, h)).astype(np.float64), "b1": np.zeros(h),
                  "W2": g.standard_normal((h, c)), "b2": np.zeros(c)}
    else:
        X = g.standard_normal((n, d))
        params = {"W1": g.standard_normal((d, h)) * scale, "b1": g.standard_normal(h),
                  "W2": g.standard_normal((h, c)) * scale, "b2": g.standard_normal(c)}
    return X, g.integers(0, c, n), params


CASES = [dict(n=8, d=5, h=7, c=3), dict(n=1, d=2, h=3, c=2), dict(n=16, d=3, h=10, c=6),
         dict(n=5, d=4, h=6, c=3, scale=60.0), dict(n=9, d=4, h=6, c=3, integer=True)]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("shape", CASES, ids=lambda c: "-".join(f"{k}{v}" for k, v in c.items()))
@pytest.mark.parametrize("l2", [0.0, 0.1])
def test_matches_autograd(seed, shape, l2):
    X, y, params = problem(seed, **shape)
    before = {k: v.copy() for k, v in params.items()}
    loss, grads = ref.mlp_loss_and_grads(X, y, params, l2)
    loss2, grads2 = autograd(X, y, params, l2)
    assert isinstance(loss, float)
    assert loss == pytest.approx(loss2, rel=1e-12, abs=1e-12)
    for k in KEYS:
        assert grads[k].shape == params[k].shape
        np.testing.assert_allclose(grads[k], grads2[k], atol=1e-12, rtol=1e-10, err_msg=k)
        np.testing.assert_array_equal(params[k], before[k])


@pytest.mark.parametrize("name", ["relu_mask_at_zero", "grads_not_averaged", "no_relu_mask",
                                  "unstable_softmax", "bias_decayed", "bias_grad_mean",
                                  "relu_grad_from_output_value"])
def test_wrong_variants_disagree_with_autograd(name):
    bad = wrong(ITEM, name)
    disagree = False
    for X, y, params in (problem(0, 9, 4, 6, 3, integer=True), problem(1, 5, 4, 6, 3, scale=300.0)):
        with np.errstate(all="ignore"):
            _, grads = bad.mlp_loss_and_grads(X, y, params, 0.1)
        _, grads2 = autograd(X, y, params, 0.1)
        disagree |= not all(np.allclose(grads[k], grads2[k], atol=1e-8) for k in KEYS)
    assert disagree
