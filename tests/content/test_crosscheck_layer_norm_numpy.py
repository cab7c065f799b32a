"""The NumPy layer-norm reference agrees with torch.nn.functional.layer_norm and autograd."""

from pathlib import Path

import numpy as np
import pytest
import torch
from itemload import load_module

ITEM = Path(__file__).parents[2] / "src/onsite/packs/core/code/layers/layer-norm-numpy"


def load(path: Path):
    return load_module(path)


reference = load(ITEM / ".meta/solution.py")


def torch_layer_norm(x, gamma, beta, dy, eps):
    xt, gt, bt = (torch.tensor(a, requires_grad=True) for a in (x, gamma, beta))
    y = torch.nn.functional.layer_norm(xt, (x.shape[-1],), gt, bt, eps)
    y.backward(torch.tensor(dy))
    return y.detach().numpy(), xt.grad.numpy(), gt.grad.numpy(), bt.grad.numpy()


@pytest.mark.parametrize(
    "shape,offset,spread,eps",
    [
        ((6, 10), 0.0, 2.0, 1e-5),
        ((2, 5, 8), 0.5, 1.0, 1e-5),
        ((2, 3, 4, 6), 0.0, 3.0, 1e-5),
        ((9,), 0.0, 1.0, 1e-5),
        ((5, 1), 0.0, 1.0, 1e-5),
        ((4, 12), 3.0, 1e-3, 1e-5),
        ((3, 8), 0.0, 0.2, 1e-2),
        ((4, 16), 1e6, 1.0, 1e-5),
        ((64, 768), -1e4, 5.0, 1e-6),
    ],
)
def test_matches_torch(shape, offset, spread, eps):
    rng = np.random.default_rng(sum(shape) + 100 * len(shape))
    x = offset + spread * rng.standard_normal(shape)
    D = shape[-1]
    gamma = 1.0 + 0.5 * rng.standard_normal(D)
    beta = 0.3 * rng.standard_normal(D)
    dy = rng.standard_normal(shape)

    y, cache = reference.layer_norm_forward(x, gamma, beta, eps=eps)
    dx, dgamma, dbeta = reference.layer_norm_backward(dy, cache)
    ty, tdx, tdgamma, tdbeta = torch_layer_norm(x, gamma, beta, dy, eps)

    # With a 1e6 offset, centring itself is only good to ~1e-10 in float64.
    atol = 1e-8 if abs(offset) >= 1e4 else 1e-11
    np.testing.assert_allclose(y, ty, atol=atol, rtol=1e-9)
    np.testing.assert_allclose(dx, tdx, atol=atol, rtol=1e-8)
    np.testing.assert_allclose(dgamma, tdgamma, atol=atol, rtol=1e-9)
    np.testing.assert_allclose(dbeta, tdbeta, atol=1e-11, rtol=1e-9)
    assert y.shape == x.shape and dx.shape == x.shape
    assert dgamma.shape == dbeta.shape == (D,)


def test_float32_stays_float32():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 4, 10)).astype(np.float32)
    gamma = np.ones(10, np.float32)
    beta = np.zeros(10, np.float32)
    y, cache = reference.layer_norm_forward(x, gamma, beta)
    grads = reference.layer_norm_backward(np.ones_like(x), cache)
    assert y.dtype == np.float32
    assert all(g.dtype == np.float32 for g in grads)


def test_detects_a_wrong_variant():
    """The comparison has teeth: dropping the mean terms from dx disagrees with autograd."""
    wrong = load(ITEM / ".meta/wrong/dx_without_mean_terms.py")
    rng = np.random.default_rng(1)
    x, dy = rng.standard_normal((4, 6)), rng.standard_normal((4, 6))
    gamma, beta = np.ones(6), np.zeros(6)
    _, cache = wrong.layer_norm_forward(x, gamma, beta)
    dx_wrong = wrong.layer_norm_backward(dy, cache)[0]
    _, tdx, _, _ = torch_layer_norm(x, gamma, beta, dy, 1e-5)
    assert not np.allclose(dx_wrong, tdx, atol=1e-6)
