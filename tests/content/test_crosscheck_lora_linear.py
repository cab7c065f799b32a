"""Cross-check the LoRA reference: an independent recomputation, and peft when installed."""

import math
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from itemload import load_module
from torch import nn

ITEM = (Path(__file__).resolve().parents[2]
        / "src/onsite/packs/core/code/post-training/lora-linear/.meta/solution.py")


def load_reference():
    return load_module(ITEM)


ref = load_reference()


def seeded_layer(d_in, d_out, r, alpha, *, bias=True, seed=0, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    base = nn.Linear(d_in, d_out, bias=bias, dtype=dtype)
    with torch.no_grad():
        base.weight.copy_(torch.randn(d_out, d_in, generator=g, dtype=dtype))
        if bias:
            base.bias.copy_(torch.randn(d_out, generator=g, dtype=dtype))
    A = torch.randn(r, d_in, generator=g, dtype=dtype)
    B = torch.randn(d_out, r, generator=g, dtype=dtype)
    m = ref.LoRALinear(base, r, alpha)
    with torch.no_grad():
        m.lora_A.copy_(A)
        m.lora_B.copy_(B)
    return m, base.weight.detach().clone(), None if not bias else base.bias.detach().clone(), A, B


SHAPES = [(6, 5, 2, 8.0, True), (5, 9, 1, 3.0, False), (16, 16, 4, 4.0, True), (3, 7, 3, 0.5, True)]


@pytest.mark.parametrize("d_in,d_out,r,alpha,bias", SHAPES)
def test_forward_and_merge_match_dense_update(d_in, d_out, r, alpha, bias):
    m, W, b, A, B = seeded_layer(d_in, d_out, r, alpha, bias=bias, seed=d_in * 31 + r)
    # Written differently: build the effective dense weight with einsum, apply F.linear.
    W_eff = W + (alpha / r) * torch.einsum("ok,ki->oi", B, A)
    x = torch.randn(2, 3, d_in, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    want = F.linear(x, W_eff, b)
    torch.testing.assert_close(m(x), want, atol=1e-10, rtol=1e-10)
    m.merge()
    torch.testing.assert_close(m.base.weight.detach(), W_eff, atol=1e-12, rtol=1e-12)
    torch.testing.assert_close(m(x), want, atol=1e-10, rtol=1e-10)
    m.merge()  # idempotent
    torch.testing.assert_close(m.base.weight.detach(), W_eff, atol=1e-12, rtol=1e-12)
    m.unmerge()
    m.unmerge()
    torch.testing.assert_close(m.base.weight.detach(), W, atol=1e-12, rtol=1e-12)


def test_gradients_by_finite_differences():
    m, W, b, A, B = seeded_layer(5, 4, 2, 6.0, seed=3)
    x = torch.randn(3, 5, dtype=torch.float64, generator=torch.Generator().manual_seed(2))

    def f(x, A, B):
        return F.linear(x, W, b) + (x @ A.T @ B.T) * m.scaling

    assert torch.autograd.gradcheck(f, (x.requires_grad_(), A.requires_grad_(),
                                        B.requires_grad_()))
    # And the module's own autograd agrees with the independent expression.
    m2, *_ = seeded_layer(5, 4, 2, 6.0, seed=3)
    x2 = x.detach().clone().requires_grad_()
    m2(x2).pow(2).sum().backward()
    A3, B3 = A.detach().clone().requires_grad_(), B.detach().clone().requires_grad_()
    x3 = x.detach().clone().requires_grad_()
    (F.linear(x3, W, b) + (x3 @ A3.T @ B3.T) * 3.0).pow(2).sum().backward()
    torch.testing.assert_close(m2.lora_A.grad, A3.grad)
    torch.testing.assert_close(m2.lora_B.grad, B3.grad)
    torch.testing.assert_close(x2.grad, x3.grad)
    assert m2.base.weight.grad is None


def test_init_matches_peft_convention():
    torch.manual_seed(0)
    base = nn.Linear(64, 32)
    m = ref.LoRALinear(base, 8, 16.0)
    assert not base.weight.requires_grad and not base.bias.requires_grad
    assert m.lora_A.requires_grad and m.lora_B.requires_grad
    assert torch.count_nonzero(m.lora_B) == 0
    bound = 1 / math.sqrt(64)  # kaiming_uniform_(a=sqrt(5)) on a (r, in) matrix
    assert m.lora_A.abs().max() <= bound
    assert m.lora_A.abs().max() > 0.8 * bound  # spread over the whole interval, not tiny
    x = torch.randn(4, 64)
    torch.testing.assert_close(m(x), base(x))


@pytest.mark.parametrize("d_in,d_out,r,alpha,bias", SHAPES)
def test_against_peft(d_in, d_out, r, alpha, bias):
    peft = pytest.importorskip("peft")

    class Wrapper(nn.Module):
        def __init__(self, base):
            super().__init__()
            self.proj = base

    m, W, b, A, B = seeded_layer(d_in, d_out, r, alpha, bias=bias, seed=7 + r)
    base = nn.Linear(d_in, d_out, bias=bias, dtype=torch.float64)
    with torch.no_grad():
        base.weight.copy_(W)
        if bias:
            base.bias.copy_(b)
    config = peft.LoraConfig(r=r, lora_alpha=alpha, lora_dropout=0.0, target_modules=["proj"])
    model = peft.get_peft_model(Wrapper(base), config)
    layer = model.base_model.model.proj
    with torch.no_grad():
        layer.lora_A["default"].weight.copy_(A)
        layer.lora_B["default"].weight.copy_(B)
    assert layer.scaling["default"] == pytest.approx(m.scaling)
    x = torch.randn(4, d_in, dtype=torch.float64, generator=torch.Generator().manual_seed(5))
    torch.testing.assert_close(m(x), layer(x), atol=1e-10, rtol=1e-10)
    layer.merge()
    m.merge()
    torch.testing.assert_close(m.base.weight.detach(), layer.get_base_layer().weight.detach(),
                               atol=1e-12, rtol=1e-12)
    torch.testing.assert_close(m(x), layer(x), atol=1e-10, rtol=1e-10)
    layer.unmerge()
    m.unmerge()
    torch.testing.assert_close(m.base.weight.detach(), layer.get_base_layer().weight.detach(),
                               atol=1e-12, rtol=1e-12)
