"""Cross-check paper/attention/qk-norm: the reference against F.layer_norm / F.rms_norm per
head followed by F.scaled_dot_product_attention, and the logit bound against brute force."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong

ITEM = "attention/qk-norm"
ref = reference(ITEM, "paper")


def make(B, T, H, d, seed, x_scale=1.0, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    D = H * d
    p = {name: torch.randn(D, D, generator=g, dtype=dtype) / math.sqrt(D)
         for name in ("w_q", "w_k", "w_v", "w_o")}
    p["x"] = torch.randn(B, T, D, generator=g, dtype=dtype) * x_scale
    p["q_gain"] = 1 + 0.5 * torch.randn(d, generator=g, dtype=dtype)
    p["k_gain"] = 1 + 0.5 * torch.randn(d, generator=g, dtype=dtype)
    p["n_heads"] = H
    return p


def oracle(p, norm="layernorm", causal=True, eps=1e-6, scale=None):
    x, H = p["x"], p["n_heads"]
    D = x.shape[-1]
    d = D // H
    tau = scale if scale is not None else 1 / math.sqrt(d)
    outs, logits = [], []
    for h in range(H):
        cols = slice(h * d, (h + 1) * d)
        q, k, v = (x @ p[w][:, cols] for w in ("w_q", "w_k", "w_v"))
        if norm == "layernorm":
            q = F.layer_norm(q, (d,), weight=p["q_gain"], eps=eps)
            k = F.layer_norm(k, (d,), weight=p["k_gain"], eps=eps)
        else:
            q = F.rms_norm(q, (d,), weight=p["q_gain"], eps=eps)
            k = F.rms_norm(k, (d,), weight=p["k_gain"], eps=eps)
        logits.append(tau * torch.einsum("btd,bsd->bts", q, k))
        outs.append(F.scaled_dot_product_attention(q, k, v, is_causal=causal, scale=tau))
    return torch.cat(outs, -1) @ p["w_o"], torch.stack(logits, 1)


@pytest.mark.parametrize("norm", ["layernorm", "rmsnorm"])
@pytest.mark.parametrize("B,T,H,d,causal,x_scale,scale,seed", [
    (2, 6, 2, 4, True, 1.0, None, 0), (1, 5, 3, 4, False, 1.0, None, 1),
    (2, 5, 2, 8, True, 1e4, None, 2), (2, 4, 2, 4, True, 1e-4, None, 3),
    (2, 5, 2, 4, True, 1.0, 2.5, 4), (3, 1, 2, 4, True, 1.0, None, 5)])
def test_matches_library(norm, B, T, H, d, causal, x_scale, scale, seed):
    p = make(B, T, H, d, seed, x_scale)
    out, logits = ref.qk_norm_attention(**p, norm=norm, causal=causal, scale=scale)
    want_out, want_logits = oracle(p, norm, causal, scale=scale)
    torch.testing.assert_close(logits, want_logits, atol=1e-10, rtol=1e-9)
    torch.testing.assert_close(out, want_out, atol=1e-10, rtol=1e-9)
    assert (logits.abs() < ref.logit_bound(p["q_gain"], p["k_gain"], scale)).all()


def test_bound_is_tight_and_scale_free():
    # d = 2, unit gains, eps tiny: k = -q gives exactly minus the bound.
    g = torch.ones(2, dtype=torch.float64)
    assert ref.logit_bound(g, g) == pytest.approx(math.sqrt(2))
    x = torch.tensor([[[3.0, 4.0], [-3e6, -4e6]]], dtype=torch.float64)
    eye = torch.eye(2, dtype=torch.float64)
    _, logits = ref.qk_norm_attention(x, eye, eye, eye, eye, g, g, 1, norm="rmsnorm",
                                      causal=False, eps=0.0)
    assert logits[0, 0, 0, 1].item() == pytest.approx(-math.sqrt(2), rel=1e-12)
    # brute force of the bound formula over random gains
    gen = torch.Generator().manual_seed(0)
    for _ in range(20):
        a, b = torch.randn(2, 7, generator=gen, dtype=torch.float64)
        want = max(abs(float(a[i] * b[i])) for i in range(7)) * 7 / math.sqrt(7)
        assert ref.logit_bound(a, b) == pytest.approx(want, rel=1e-12)


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_the_oracle(name):
    bad = wrong(ITEM, name, "paper")
    differs = False
    for x_scale, norm in ((1.0, "layernorm"), (1e4, "layernorm"), (1e-4, "rmsnorm")):
        p = make(2, 5, 2, 4, 9, x_scale)
        out, logits = bad.qk_norm_attention(**p, norm=norm)
        want_out, want_logits = oracle(p, norm)
        differs |= not torch.allclose(logits, want_logits, atol=1e-6)
    assert differs
