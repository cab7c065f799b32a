"""Cross-check paper/fine-tuning/dora: the reference against torch._weight_norm (the
library's magnitude-times-direction primitive) and hand-derived detached-norm gradients."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong
from torch import nn

ITEM = "fine-tuning/dora"
ref = reference(ITEM, "paper")


def build(module, d_in, d_out, r, alpha, bias, seed):
    g = torch.Generator().manual_seed(seed)
    base = nn.Linear(d_in, d_out, bias=bias, dtype=torch.float64)
    with torch.no_grad():
        base.weight.copy_(torch.randn(d_out, d_in, generator=g, dtype=torch.float64))
        if bias:
            base.bias.copy_(torch.randn(d_out, generator=g, dtype=torch.float64))
    W0 = base.weight.detach().clone()
    b = None if not bias else base.bias.detach().clone()
    A = torch.randn(r, d_in, generator=g, dtype=torch.float64)
    B = torch.randn(d_out, r, generator=g, dtype=torch.float64)
    mag = 0.5 + torch.rand(d_out, generator=g, dtype=torch.float64)
    m = module.DoRALinear(base, r, alpha)
    init_mag = m.magnitude.detach().clone()
    with torch.no_grad():
        m.lora_A.copy_(A)
        m.lora_B.copy_(B)
        m.magnitude.copy_(mag)
    return m, W0, b, A, B, mag, init_mag


CASES = [(6, 5, 2, 8.0, True, 0), (5, 9, 1, 3.0, False, 1), (16, 16, 4, 4.0, True, 2),
         (3, 7, 3, 0.5, True, 3)]


@pytest.mark.parametrize("d_in,d_out,r,alpha,bias,seed", CASES)
def test_forward_and_merge_match_weight_norm(d_in, d_out, r, alpha, bias, seed):
    m, W0, b, A, B, mag, init_mag = build(ref, d_in, d_out, r, alpha, bias, seed)
    torch.testing.assert_close(init_mag, W0.norm(dim=1))
    V = W0 + (alpha / r) * torch.einsum("or,ri->oi", B, A)
    W_eff = torch._weight_norm(V, mag.unsqueeze(1), 0)  # g * v / ||v|| over all dims but 0
    x = torch.randn(2, 3, d_in, dtype=torch.float64, generator=torch.Generator().manual_seed(9))
    torch.testing.assert_close(m(x), F.linear(x, W_eff, b), atol=1e-11, rtol=1e-10)
    m.merge()
    torch.testing.assert_close(m.base.weight.detach(), W_eff, atol=1e-12, rtol=1e-12)
    torch.testing.assert_close(m(x), F.linear(x, W_eff, b), atol=1e-11, rtol=1e-10)


@pytest.mark.parametrize("d_in,d_out,r,alpha,bias,seed", CASES)
def test_gradients_match_the_detached_norm_formula(d_in, d_out, r, alpha, bias, seed):
    m, W0, b, A, B, mag, _ = build(ref, d_in, d_out, r, alpha, bias, seed)
    s = alpha / r
    g = torch.Generator().manual_seed(5)
    x = torch.randn(4, d_in, dtype=torch.float64, generator=g)
    up = torch.randn(4, d_out, dtype=torch.float64, generator=g)
    (m(x) * up).sum().backward()
    V = W0 + s * B @ A
    c = V.norm(dim=1)
    grad_W = up.T @ x                       # dL/dW' for y = x W'^T
    grad_mag = (grad_W * V).sum(1) / c      # W' = (m / c) V, linear in m
    grad_V = (mag / c).unsqueeze(1) * grad_W  # c held constant
    torch.testing.assert_close(m.magnitude.grad, grad_mag, atol=1e-10, rtol=1e-10)
    torch.testing.assert_close(m.lora_A.grad, s * B.T @ grad_V, atol=1e-10, rtol=1e-10)
    torch.testing.assert_close(m.lora_B.grad, s * grad_V @ A.T, atol=1e-10, rtol=1e-10)
    assert m.base.weight.grad is None


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name, "paper")
    m, W0, b, A, B, mag, init_mag = build(bad, 6, 5, 2, 8.0, True, 4)
    V = W0 + 4.0 * B @ A
    W_eff = torch._weight_norm(V, mag.unsqueeze(1), 0)
    x = torch.randn(3, 6, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    up = torch.ones(3, 5, dtype=torch.float64)
    out = m(x)
    differs = not torch.allclose(out, F.linear(x, W_eff, b))
    differs |= not torch.allclose(init_mag, W0.norm(dim=1))
    (out * up).sum().backward()
    c = V.norm(dim=1)
    grad_V = (mag / c).unsqueeze(1) * (up.T @ x)
    differs |= not torch.allclose(m.lora_A.grad, 4.0 * B.T @ grad_V)
    m.merge()
    differs |= not torch.allclose(m(x), F.linear(x, W_eff, b))
    assert differs
