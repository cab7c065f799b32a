"""classical/logistic-regression-gd: the NumPy reference against the same loop run in torch,
with the gradients from autograd (not from the formula) and F.binary_cross_entropy_with_logits."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "classical/logistic-regression-gd"
ref = reference(ITEM)


def torch_gd(X, y, lr, steps, l2):
    Xt = torch.from_numpy(X)
    yt = torch.from_numpy(y).double()
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(steps):
        loss = F.binary_cross_entropy_with_logits(Xt @ w + b, yt) + 0.5 * l2 * (w @ w)
        losses.append(loss.item())
        gw, gb = torch.autograd.grad(loss, (w, b))
        with torch.no_grad():  # plain gradient descent, both parameters at once
            w -= lr * gw
            b -= lr * gb
    return w.detach().numpy(), b.item(), np.array(losses)


def problem(seed, n, d, scale=1.0):
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, d)) * scale
    y = (g.random(n) < 1 / (1 + np.exp(-(X @ g.standard_normal(d) + g.normal())))).astype(np.int64)
    return X, y


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("l2", [0.0, 0.05, 1.0])
@pytest.mark.parametrize("lr,steps", [(0.1, 30), (2.0, 15)])
def test_matches_torch_autograd_loop(seed, l2, lr, steps):
    X, y = problem(seed, 50, 4)
    w, b, losses = ref.logistic_regression_gd(X, y, lr, steps, l2)
    w2, b2, losses2 = torch_gd(X, y, lr, steps, l2)
    assert isinstance(b, float) and losses.shape == (steps,)
    np.testing.assert_allclose(w, w2, atol=1e-12, rtol=1e-10)
    assert b == pytest.approx(b2, abs=1e-12, rel=1e-10)
    np.testing.assert_allclose(losses, losses2, atol=1e-12, rtol=1e-10)
    np.testing.assert_allclose(ref.predict_proba(X, w, b), torch.sigmoid(torch.from_numpy(X @ w2 + b2)),
                               atol=1e-14, rtol=1e-12)


def test_separable_data_matches_torch_and_stays_finite():
    g = np.random.default_rng(4)
    X = np.concatenate([g.normal(3.0, 0.5, (15, 2)), g.normal(-3.0, 0.5, (15, 2))])
    y = np.array([1] * 15 + [0] * 15)
    w, b, losses = ref.logistic_regression_gd(X, y, 50.0, 25)
    w2, b2, losses2 = torch_gd(X, y, 50.0, 25, 0.0)
    assert np.all(np.isfinite(losses))
    np.testing.assert_allclose(w, w2, rtol=1e-10)
    np.testing.assert_allclose(losses, losses2, atol=1e-12, rtol=1e-9)


@pytest.mark.parametrize("name", ["sum_not_mean", "bias_regularised", "loss_after_update",
                                  "sequential_update", "l2_gradient_doubled"])
def test_wrong_variants_disagree_with_torch(name):
    bad = wrong(ITEM, name)
    X, y = problem(1, 40, 3)
    w, b, losses = bad.logistic_regression_gd(X, y, 0.3, 10, 0.2)
    w2, b2, losses2 = torch_gd(X, y, 0.3, 10, 0.2)
    assert not (np.allclose(w, w2, rtol=1e-6) and abs(b - b2) < 1e-8 and np.allclose(losses, losses2))


def test_naive_loss_variant_breaks_on_separable_data():
    bad = wrong(ITEM, "naive_log_loss")
    X = np.array([[5.0], [6.0], [-5.0], [-6.0]])
    y = np.array([1, 1, 0, 0])
    _, _, losses = bad.logistic_regression_gd(X, y, 100.0, 5)
    _, _, losses2 = torch_gd(X, y, 100.0, 5, 0.0)
    assert not np.allclose(losses, losses2)
