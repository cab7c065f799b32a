"""classical/ridge-regression: the normal-equation reference against np.linalg.lstsq on the
augmented system [X 1; sqrt(lam) I 0] [w; b] = [y; 0], which penalises w and not b."""

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "classical/ridge-regression"
ref = reference(ITEM)


def lstsq_ridge(X, y, lam):
    n, d = X.shape
    top = np.column_stack([X, np.ones(n)])
    bottom = np.column_stack([np.sqrt(lam) * np.eye(d), np.zeros(d)])
    theta = np.linalg.lstsq(np.vstack([top, bottom]), np.concatenate([y, np.zeros(d)]), rcond=None)[0]
    return theta[:-1], theta[-1]


def problem(seed, n, d, offset=0.0, shift=0.0):
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, d)) * g.uniform(0.5, 3, d) + offset
    y = X @ g.standard_normal(d) + shift + 0.5 * g.standard_normal(n)
    return X, y


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("shape", [(50, 3), (8, 20), (2, 5), (200, 10)])
@pytest.mark.parametrize("lam", [0.01, 1.0, 100.0])
def test_matches_augmented_lstsq(seed, shape, lam):
    X, y = problem(seed, *shape, offset=seed, shift=10.0 * seed)
    w, b = ref.ridge_fit(X, y, lam)
    w2, b2 = lstsq_ridge(X, y, lam)
    assert isinstance(b, float) and w.shape == (shape[1],)
    np.testing.assert_allclose(w, w2, atol=1e-9, rtol=1e-7)
    assert b == pytest.approx(b2, abs=1e-8, rel=1e-8)
    np.testing.assert_allclose(ref.ridge_predict(X, w, b), X @ w2 + b2, atol=1e-8, rtol=1e-8)


@pytest.mark.parametrize("seed", range(5))
def test_lam_zero_matches_ols(seed):
    X, y = problem(seed, 30, 4, offset=2.0)
    w, b = ref.ridge_fit(X, y, 0.0)
    theta = np.linalg.lstsq(np.column_stack([X, np.ones(30)]), y, rcond=None)[0]
    np.testing.assert_allclose(np.append(w, b), theta, atol=1e-10, rtol=1e-9)


def test_gradient_is_zero_at_the_solution():
    X, y = problem(3, 40, 5, offset=1.0)
    w, b = ref.ridge_fit(X, y, 3.0)
    r = y - X @ w - b
    np.testing.assert_allclose(-2 * X.T @ r + 2 * 3.0 * w, 0, atol=1e-9)
    assert abs(r.sum()) < 1e-9


@pytest.mark.parametrize("name", ["intercept_penalised", "no_intercept", "intercept_is_mean_y",
                                  "mean_loss_scaling", "lam_on_every_entry"])
def test_wrong_variants_disagree_with_lstsq(name):
    bad = wrong(ITEM, name)
    X, y = problem(1, 30, 3, offset=5.0, shift=100.0)
    w, b = bad.ridge_fit(X, y, 2.0)
    w2, b2 = lstsq_ridge(X, y, 2.0)
    assert not (np.allclose(w, w2, atol=1e-6) and abs(b - b2) < 1e-6)
