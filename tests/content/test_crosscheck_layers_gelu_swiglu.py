"""The gelu/silu/swiglu reference agrees with F.gelu (both approximations), F.silu and an
nn.Linear-based SwiGLU block, values and gradients."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "layers/gelu-swiglu"
ref = reference(ITEM)


def points(dtype):
    return torch.cat([torch.linspace(-8, 8, 161, dtype=dtype),
                      torch.tensor([-1e4, -100.0, -30.0, 30.0, 100.0, 1e4], dtype=dtype)])


@pytest.mark.parametrize("approximate", ["none", "tanh"])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_gelu_matches_torch(approximate, dtype):
    x = points(dtype).requires_grad_(True)
    ours = ref.gelu(x, approximate=approximate)
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    theirs = F.gelu(x, approximate=approximate)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), x)
    assert ours.dtype == dtype and torch.isfinite(ours).all()
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(g_ours, g_theirs)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_silu_matches_torch(dtype):
    x = points(dtype).requires_grad_(True)
    ours = ref.silu(x)
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    theirs = F.silu(x)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), x)
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(g_ours, g_theirs)


def test_swiglu_matches_linear_layers():
    torch.manual_seed(0)
    D, H = 8, 20
    lin1, lin3, lin2 = (torch.nn.Linear(a, b, bias=False).double()
                        for a, b in ((D, H), (D, H), (H, D)))
    x = torch.randn(2, 5, D, dtype=torch.float64, requires_grad=True)
    theirs = lin2(F.silu(lin1(x)) * lin3(x))
    up = torch.randn_like(theirs)
    grads_theirs = torch.autograd.grad((theirs * up).sum(),
                                       [x, lin1.weight, lin3.weight, lin2.weight])
    ws = [lin.weight.detach().clone().requires_grad_(True) for lin in (lin1, lin3, lin2)]
    ours = ref.swiglu_ffn(x, *ws)
    grads_ours = torch.autograd.grad((ours * up).sum(), [x, *ws])
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    for a, b in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


def test_prompt_example():
    x = torch.tensor([[1.0, 2.0]])
    y = ref.swiglu_ffn(x, torch.tensor([[1.0, 0.0]]), torch.tensor([[0.0, 1.0]]),
                       torch.tensor([[1.0], [-1.0]]))
    torch.testing.assert_close(y, torch.tensor([[1.4621, -1.4621]]), atol=1e-4, rtol=0)


@pytest.mark.parametrize("variant", ["erf_without_sqrt2", "ignores_approximate",
                                     "tanh_without_cubic", "sigmoid_gelu", "gate_on_w3",
                                     "silu_is_sigmoid"])
def test_wrong_variants_disagree_with_torch(variant):
    mod = wrong(ITEM, variant)
    x = torch.linspace(-4, 4, 33, dtype=torch.float64)
    torch.manual_seed(1)
    w1, w3 = torch.randn(6, 4, dtype=torch.float64), torch.randn(6, 4, dtype=torch.float64)
    w2 = torch.randn(4, 6, dtype=torch.float64)
    xs = torch.randn(3, 4, dtype=torch.float64)
    checks = [
        torch.allclose(mod.gelu(x), F.gelu(x), atol=1e-6),
        torch.allclose(mod.gelu(x, approximate="tanh"), F.gelu(x, approximate="tanh"), atol=1e-6),
        torch.allclose(mod.silu(x), F.silu(x), atol=1e-6),
        torch.allclose(mod.swiglu_ffn(xs, w1, w3, w2), (F.silu(xs @ w1.T) * (xs @ w3.T)) @ w2.T,
                       atol=1e-6),
    ]
    assert not all(checks)
