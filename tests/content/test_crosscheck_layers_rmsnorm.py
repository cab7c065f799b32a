"""The rms_norm reference agrees with torch.nn.RMSNorm (values and gradients)."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "layers/rmsnorm"
ref = reference(ITEM)


def module(D, weight, eps, dtype):
    m = torch.nn.RMSNorm(D, eps=eps).to(dtype)
    with torch.no_grad():
        m.weight.copy_(weight)
    return m


@pytest.mark.parametrize("shape", [(2, 5, 16), (12,), (4, 1), (3, 2, 4, 8)])
@pytest.mark.parametrize("eps,scale", [(1e-6, 1.0), (1e-5, 1e-4), (0.1, 0.3), (1e-6, 1e3)])
def test_values_and_gradients_match_torch(shape, eps, scale):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(*shape, generator=g, dtype=torch.float64) * scale
    w = 1.0 + 0.5 * torch.randn(shape[-1], generator=g, dtype=torch.float64)
    up = torch.randn(*shape, generator=g, dtype=torch.float64)
    m = module(shape[-1], w, eps, torch.float64)
    xa = x.clone().requires_grad_(True)
    wa = w.clone().requires_grad_(True)
    ours = ref.rms_norm(xa, wa, eps)
    (ours * up).sum().backward()
    xb = x.clone().requires_grad_(True)
    theirs = m(xb)
    (theirs * up).sum().backward()
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(xa.grad, xb.grad, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(wa.grad, m.weight.grad, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16, torch.float32])
def test_low_precision_matches_torch(dtype):
    g = torch.Generator().manual_seed(1)
    x = (torch.randn(4, 64, generator=g) * 3).to(dtype)
    w = (1.0 + 0.5 * torch.randn(64, generator=g)).to(dtype)
    ours = ref.rms_norm(x, w, 1e-6)
    theirs = module(64, w, 1e-6, dtype)(x)
    assert ours.dtype == dtype
    torch.testing.assert_close(ours, theirs.detach())


def test_zero_row_is_finite():
    x = torch.zeros(2, 5, dtype=torch.float64, requires_grad=True)
    y = ref.rms_norm(x, torch.ones(5, dtype=torch.float64))
    y.sum().backward()
    assert torch.equal(y, torch.zeros_like(y)) and torch.isfinite(x.grad).all()


@pytest.mark.parametrize("variant,scale", [("eps_outside_sqrt", 1e-4), ("centres_input", 1.0),
                                           ("sum_not_mean", 1.0), ("one_plus_weight", 1.0),
                                           ("wrong_dim", 1.0)])
def test_wrong_variants_disagree_with_torch(variant, scale):
    g = torch.Generator().manual_seed(2)
    x = torch.randn(3, 8, generator=g, dtype=torch.float64) * scale + 0.3 * scale
    w = 1.0 + 0.5 * torch.randn(8, generator=g, dtype=torch.float64)
    got = wrong(ITEM, variant).rms_norm(x, w, 1e-6)
    assert not torch.allclose(got, module(8, w, 1e-6, torch.float64)(x), atol=1e-8)
