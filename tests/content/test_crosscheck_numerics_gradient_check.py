"""numerics/gradient-check: the finite-difference reference against torch.autograd on smooth
functions (agreement to O(eps^2)), and against the Taylor-series error it promises."""

import numpy as np
import pytest
import torch
from itemload import reference, wrong

ITEM = "numerics/gradient-check"
ref = reference(ITEM)


def numpy_and_torch(seed):
    g = np.random.default_rng(seed)
    A = g.standard_normal((4, 3))
    B = g.standard_normal((4, 5))

    def f_np(W):
        return float(np.sum(np.tanh(A @ W) * B) + 0.1 * np.sum(W ** 4))

    def f_t(W):
        return (torch.tanh(torch.from_numpy(A) @ W) * torch.from_numpy(B)).sum() + 0.1 * (W ** 4).sum()

    return f_np, f_t, g.standard_normal((3, 5))


def autograd(f_t, W):
    Wt = torch.tensor(W, requires_grad=True)
    f_t(Wt).backward()
    return Wt.grad.numpy()


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("eps", [1e-4, 1e-5, 1e-6])
def test_matches_autograd(seed, eps):
    f_np, f_t, W = numpy_and_torch(seed)
    before = W.copy()
    num = ref.numerical_gradient(f_np, W, eps)
    exact = autograd(f_t, W)
    np.testing.assert_array_equal(W, before)
    assert num.shape == W.shape
    assert ref.relative_error(num, exact) < 1e-6
    ok, err = ref.gradient_check(f_np, lambda V: autograd(f_t, V), W, eps)
    assert ok and err < 1e-6


@pytest.mark.parametrize("eps", [1e-1, 3e-2, 1e-2])
def test_error_shrinks_like_eps_squared(eps):
    f_np, f_t, W = numpy_and_torch(0)
    exact = autograd(f_t, W)
    e1 = np.abs(ref.numerical_gradient(f_np, W, eps) - exact).max()
    e2 = np.abs(ref.numerical_gradient(f_np, W, eps / 2) - exact).max()
    assert 3.0 < e1 / e2 < 5.0  # halving eps divides an O(eps^2) error by about 4


def test_relative_error_definition():
    a = np.array([1.0, 0.0, -2.0, 1e-3])
    b = np.array([1.5, 0.0, 2.0, 2e-3])
    loop = max(abs(x - y) / max(abs(x) + abs(y), 1e-12) for x, y in zip(a, b, strict=True))
    assert ref.relative_error(a, b) == pytest.approx(loop, rel=1e-15)
    assert ref.relative_error(np.zeros(4), np.zeros(4)) == 0.0
    assert isinstance(ref.relative_error(a, b), float)


def test_catches_a_wrong_gradient():
    f_np, f_t, W = numpy_and_torch(1)
    ok, err = ref.gradient_check(f_np, lambda V: 0.5 * autograd(f_t, V), W)
    assert not ok and err == pytest.approx(1 / 3, rel=1e-6)


@pytest.mark.parametrize("name", ["forward_difference", "divide_by_eps", "no_restore", "all_entries_at_once"])
def test_wrong_estimators_disagree_with_autograd(name):
    bad = wrong(ITEM, name)
    f_np, f_t, W = numpy_and_torch(2)
    exact = autograd(f_t, W)
    W_in = W.copy()
    num = bad.numerical_gradient(f_np, W_in, 1e-3)
    assert np.abs(num - exact).max() > 1e-5 or not np.array_equal(W_in, W)


def test_wrong_relative_error_disagrees():
    bad = wrong(ITEM, "relative_to_first")
    a, b = np.array([1.0, 0.0, -2.0]), np.array([1.5, 1e-3, 2.0])
    assert bad.relative_error(a, b) != pytest.approx(ref.relative_error(a, b))
