import math

import torch
from torch import nn

from onsite.judge.cases import case


def make_base(d_in, d_out, *, bias=True, dtype=torch.float32, seed=0):
    """An nn.Linear with seeded weights (its own init is overwritten)."""
    g = torch.Generator().manual_seed(seed)
    base = nn.Linear(d_in, d_out, bias=bias, dtype=dtype)
    with torch.no_grad():
        base.weight.copy_(torch.randn(d_out, d_in, generator=g, dtype=dtype) / math.sqrt(d_in))
        if bias:
            base.bias.copy_(torch.randn(d_out, generator=g, dtype=dtype))
    return base


def make_lora(sub, d_in, d_out, r, alpha, *, bias=True, dtype=torch.float32, seed=0,
              dropout=0.0):
    """Wrap a seeded base and overwrite A and B with seeded values, so init does not matter."""
    m = sub.LoRALinear(make_base(d_in, d_out, bias=bias, dtype=dtype, seed=seed), r, alpha,
                       dropout)
    g = torch.Generator().manual_seed(seed + 1000)
    with torch.no_grad():
        m.lora_A.copy_(torch.randn(r, d_in, generator=g, dtype=dtype))
        m.lora_B.copy_(torch.randn(d_out, r, generator=g, dtype=dtype))
    return m


def inputs(*shape, dtype=torch.float32, seed=1):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


@case("B is zero at init, so the output equals the base", atol=1e-6, rtol=1e-5)
def at_init(sub):
    base = make_base(6, 5, seed=2)
    x = inputs(4, 6, seed=3)
    m = sub.LoRALinear(base, 2, 8.0)
    d_in = 6
    a = m.lora_A.detach()
    # peft's kaiming_uniform_(a=sqrt(5)) draws from U(-1/sqrt(in), 1/sqrt(in)).
    bound = 1 / math.sqrt(d_in)
    return {
        "out": m(x),
        "lora_A_shape": list(m.lora_A.shape),
        "lora_B": m.lora_B,
        # [all |A| <= 1/sqrt(in), A not all zero]
        "A init checks": [bool((a.abs() <= bound + 1e-7).all()), bool((a != 0).any())],
        "scaling": float(m.scaling),
    }


@case("base frozen, A and B trainable", atol=0, rtol=0)
def trainable(sub):
    m = make_lora(sub, 6, 5, 2, 4.0)
    flags = [m.base.weight, m.base.bias, m.lora_A, m.lora_B]
    return {
        "requires_grad of [base.weight, base.bias, lora_A, lora_B]":
            [bool(p.requires_grad) for p in flags],
        "trainable parameter count": [sum(p.numel() for p in m.parameters() if p.requires_grad)],
    }


@case("forward, non-square 6 -> 5, r=2, alpha=8", atol=1e-5, rtol=1e-5)
def forward_basic(sub):
    m = make_lora(sub, 6, 5, 2, 8.0, seed=4)
    return {"out": m(inputs(4, 6, seed=5))}


@case("extra leading dims (B, T, in)", atol=1e-5, rtol=1e-5)
def leading_dims(sub):
    m = make_lora(sub, 8, 3, 4, 16.0, seed=6)
    return {"out": m(inputs(2, 5, 8, seed=7))}


@case("r=1, no bias", atol=1e-5, rtol=1e-5)
def rank_one(sub):
    m = make_lora(sub, 7, 4, 1, 4.0, bias=False, seed=8)
    return {"out": m(inputs(3, 7, seed=9))}


@case("gradients w.r.t. A, B and x (float64)", atol=1e-10, rtol=1e-8, strict_dtype=True)
def gradients(sub):
    m = make_lora(sub, 6, 4, 3, 6.0, dtype=torch.float64, seed=10)
    x = inputs(2, 3, 6, dtype=torch.float64, seed=11).requires_grad_(True)
    out = m(x)
    upstream = inputs(*out.shape, dtype=torch.float64, seed=12)
    (out * upstream).sum().backward()
    return {"out": out, "grad_A": m.lora_A.grad, "grad_B": m.lora_B.grad, "grad_x": x.grad,
            "base.weight.grad is None": [m.base.weight.grad is None]}


@case("merge: W + (alpha/r) B A, same output, no double counting (float64)",
      atol=1e-12, rtol=1e-10, strict_dtype=True)
def merge(sub):
    m = make_lora(sub, 6, 5, 2, 3.0, dtype=torch.float64, seed=13)
    x = inputs(4, 6, dtype=torch.float64, seed=14)
    before = m(x).detach()
    m.merge()
    return {"out_before": before, "out_after_merge": m(x), "merged weight": m.base.weight,
            "merged flag": [bool(m.merged)]}


@case("unmerge restores the weight and the output (float64)",
      atol=1e-12, rtol=1e-10, strict_dtype=True)
def unmerge(sub):
    m = make_lora(sub, 5, 7, 2, 5.0, dtype=torch.float64, seed=15)
    x = inputs(3, 5, dtype=torch.float64, seed=16)
    m.merge()
    m.unmerge()
    return {"weight after unmerge": m.base.weight, "out after unmerge": m(x),
            "merged flag": [bool(m.merged)]}


@case("merge twice, unmerge twice: the second call of each does nothing (float64)",
      atol=1e-12, rtol=1e-10, strict_dtype=True)
def idempotent(sub):
    m = make_lora(sub, 5, 5, 2, 6.0, dtype=torch.float64, seed=17)
    x = inputs(3, 5, dtype=torch.float64, seed=18)
    m.merge()
    m.merge()
    w_merged = m.base.weight.detach().clone()
    out_merged = m(x).detach()
    m.unmerge()
    m.unmerge()
    return {"weight after 2 merges": w_merged, "out after 2 merges": out_merged,
            "weight after 2 unmerges": m.base.weight, "out after 2 unmerges": m(x)}


@case("dropout: only on the LoRA input, and off in eval mode", atol=1e-6, rtol=1e-5)
def dropout(sub):
    # Train mode with B = 0: whatever mask is drawn, only the base path is left,
    # so the output must be exactly base(x). Eval mode: dropout is the identity.
    m = make_lora(sub, 6, 5, 2, 4.0, seed=19, dropout=0.5)
    x = inputs(8, 6, seed=20)
    with torch.no_grad():
        m.lora_B.zero_()
    m.train()
    torch.manual_seed(0)
    train_out = m(x)
    with torch.no_grad():
        m.lora_B.copy_(inputs(5, 2, seed=21))
    m.eval()
    return {"train mode, B=0": train_out, "eval mode": m(x)}
