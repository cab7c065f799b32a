import math

import torch
from torch import nn

from onsite.judge.cases import case


def make_base(d_in, d_out, *, bias=True, dtype=torch.float32, seed=0):
    g = torch.Generator().manual_seed(seed)
    base = nn.Linear(d_in, d_out, bias=bias, dtype=dtype)
    with torch.no_grad():
        base.weight.copy_(torch.randn(d_out, d_in, generator=g, dtype=dtype) / math.sqrt(d_in))
        if bias:
            base.bias.copy_(torch.randn(d_out, generator=g, dtype=dtype))
    return base


def make_dora(sub, d_in, d_out, r, alpha, *, bias=True, dtype=torch.float32, seed=0,
              set_magnitude=True):
    """Seeded base, A and B (and optionally a magnitude away from its initial value)."""
    m = sub.DoRALinear(make_base(d_in, d_out, bias=bias, dtype=dtype, seed=seed), r, alpha)
    g = torch.Generator().manual_seed(seed + 1000)
    with torch.no_grad():
        m.lora_A.copy_(torch.randn(r, d_in, generator=g, dtype=dtype) / math.sqrt(d_in))
        m.lora_B.copy_(torch.randn(d_out, r, generator=g, dtype=dtype) * 0.5)
        if set_magnitude:
            m.magnitude.copy_(0.5 + torch.rand(d_out, generator=g, dtype=dtype) * 2)
    return m


def inputs(*shape, dtype=torch.float32, seed=1):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


@case("at init: magnitude = row norms of W0, B = 0, output equals the base", atol=1e-5,
      rtol=1e-5)
def at_init(sub):
    base = make_base(6, 5, seed=2)
    x = inputs(4, 6, seed=3)
    want_norms = base.weight.detach().norm(dim=1).clone()
    m = sub.DoRALinear(base, 2, 8.0)
    bound = 1 / math.sqrt(6)
    a = m.lora_A.detach()
    return {"out": m(x), "magnitude": m.magnitude, "row norms of W0": want_norms,
            "lora_B": m.lora_B, "lora_A shape": list(m.lora_A.shape),
            "A init checks": [bool((a.abs() <= bound + 1e-7).all()), bool((a != 0).any())],
            "scaling": float(m.scaling)}


@case("base frozen; A, B and magnitude trainable", atol=0, rtol=0)
def trainable(sub):
    m = make_dora(sub, 6, 5, 2, 4.0)
    flags = [m.base.weight, m.base.bias, m.lora_A, m.lora_B, m.magnitude]
    return {"requires_grad of [weight, bias, A, B, magnitude]":
            [bool(p.requires_grad) for p in flags],
            "trainable count": sum(p.numel() for p in m.parameters() if p.requires_grad)}


@case("forward, 6 -> 5, r=2, alpha=8 (scaling 4)", atol=1e-5, rtol=1e-5)
def forward_basic(sub):
    m = make_dora(sub, 6, 5, 2, 8.0, seed=4)
    return {"out": m(inputs(4, 6, seed=5))}


@case("leading dims (B, T, in), r=3, alpha=1.5, no bias", atol=1e-5, rtol=1e-5)
def leading_dims(sub):
    m = make_dora(sub, 8, 3, 3, 1.5, bias=False, seed=6)
    return {"out": m(inputs(2, 5, 8, seed=7))}


@case("B A large next to W0: rows still have length magnitude (float64)", atol=1e-10,
      rtol=1e-9, strict_dtype=True)
def large_update(sub):
    m = make_dora(sub, 7, 4, 2, 32.0, dtype=torch.float64, seed=8)
    x = torch.eye(7, dtype=torch.float64)
    # Feeding the identity reads off W'^T + b; subtract the bias to get W'.
    w_eff = (m(x) - m.base.bias).T
    return {"effective weight": w_eff, "row norms": w_eff.norm(dim=1)}


@case("gradients to A, B, magnitude and x with the norm detached (float64)",
      atol=1e-10, rtol=1e-8, strict_dtype=True)
def gradients(sub):
    m = make_dora(sub, 6, 4, 3, 6.0, dtype=torch.float64, seed=10)
    x = inputs(2, 3, 6, dtype=torch.float64, seed=11).requires_grad_(True)
    out = m(x)
    upstream = inputs(*out.shape, dtype=torch.float64, seed=12)
    (out * upstream).sum().backward()
    return {"out": out, "grad_A": m.lora_A.grad, "grad_B": m.lora_B.grad,
            "grad_magnitude": m.magnitude.grad, "grad_x": x.grad,
            "base.weight.grad is None": m.base.weight.grad is None}


@case("merge: base.weight becomes W', same output, no double counting (float64)",
      atol=1e-12, rtol=1e-10, strict_dtype=True)
def merge(sub):
    m = make_dora(sub, 6, 5, 2, 3.0, dtype=torch.float64, seed=13)
    x = inputs(4, 6, dtype=torch.float64, seed=14)
    before = m(x).detach()
    m.merge()
    after = m(x).detach()
    w1 = m.base.weight.detach().clone()
    m.merge()
    return {"out before": before, "out after merge": after, "merged weight": w1,
            "weight after second merge": m.base.weight, "out after second merge": m(x),
            "merged flag": bool(m.merged)}


@case("worked example from the prompt", atol=1e-5, rtol=1e-5)
def worked_example(sub):
    base = nn.Linear(2, 2, bias=False)
    with torch.no_grad():
        base.weight.copy_(torch.tensor([[3.0, 4.0], [0.0, 2.0]]))
    m = sub.DoRALinear(base, 1, 2.0)
    with torch.no_grad():
        m.lora_A.copy_(torch.tensor([[0.0, 1.0]]))
        m.lora_B.copy_(torch.tensor([[1.0], [0.0]]))
    return {"magnitude": m.magnitude, "out": m(torch.tensor([[1.0, 1.0], [2.0, -1.0]]))}
