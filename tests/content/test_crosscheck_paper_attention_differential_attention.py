"""Cross-check paper/attention/differential-attention: the reference against a per-head
formulation built from F.scaled_dot_product_attention (once per map) and F.rms_norm."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, load_module, reference, wrong

ITEM = "attention/differential-attention"
ref = reference(ITEM, "paper")


def make(B, T, H, d, seed, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    D = 2 * H * d
    p = {name: torch.randn(D, D, generator=g, dtype=dtype) / math.sqrt(D)
         for name in ("w_q", "w_k", "w_v", "w_o")}
    p["x"] = torch.randn(B, T, D, generator=g, dtype=dtype)
    for name in ("lambda_q1", "lambda_k1", "lambda_q2", "lambda_k2"):
        p[name] = torch.randn(d, generator=g, dtype=dtype) * 0.3
    p["norm_weight"] = 1 + 0.2 * torch.randn(2 * d, generator=g, dtype=dtype)
    p["n_heads"] = H
    return p


def oracle(p, lambda_init, causal=True, eps=1e-5):
    """Head by head, slicing columns by explicit offsets; two library attention calls."""
    x, H = p["x"], p["n_heads"]
    D = x.shape[-1]
    d = D // (2 * H)
    lam = (math.exp(float(p["lambda_q1"] @ p["lambda_k1"]))
           - math.exp(float(p["lambda_q2"] @ p["lambda_k2"])) + lambda_init)
    q, k, v = x @ p["w_q"], x @ p["w_k"], x @ p["w_v"]
    heads = []
    for h in range(H):
        c = 2 * h * d
        q1, q2 = q[..., c:c + d], q[..., c + d:c + 2 * d]
        k1, k2 = k[..., c:c + d], k[..., c + d:c + 2 * d]
        vh = v[..., c:c + 2 * d]
        o = (F.scaled_dot_product_attention(q1, k1, vh, is_causal=causal)
             - lam * F.scaled_dot_product_attention(q2, k2, vh, is_causal=causal))
        o = F.rms_norm(o, (2 * d,), weight=p["norm_weight"], eps=eps)
        heads.append((1 - lambda_init) * o)
    return torch.cat(heads, dim=-1) @ p["w_o"]


@pytest.mark.parametrize("B,T,H,d,causal,seed", [(2, 6, 2, 4, True, 0), (1, 5, 3, 2, False, 1),
                                                 (3, 1, 2, 4, True, 2), (2, 9, 4, 8, True, 3)])
def test_matches_library_per_head(B, T, H, d, causal, seed):
    p = make(B, T, H, d, seed)
    lambda_init = ref.lambda_init_fn(1 + seed)
    out, attn = ref.differential_attention(**p, lambda_init=lambda_init, causal=causal)
    torch.testing.assert_close(out, oracle(p, lambda_init, causal), atol=1e-11, rtol=1e-10)
    # rows of the differential map sum to 1 - lambda
    lam = (math.exp(float(p["lambda_q1"] @ p["lambda_k1"]))
           - math.exp(float(p["lambda_q2"] @ p["lambda_k2"])) + lambda_init)
    torch.testing.assert_close(attn.sum(-1), torch.full_like(attn.sum(-1), 1 - lam))


def test_lambda_init_schedule_and_worked_example():
    assert ref.lambda_init_fn(1) == pytest.approx(0.2, abs=1e-15)
    assert ref.lambda_init_fn(3) == pytest.approx(0.4707, abs=1e-4)
    assert math.exp(0.1) - math.exp(-0.2) + ref.lambda_init_fn(3) == pytest.approx(0.7572, abs=1e-4)
    values = [ref.lambda_init_fn(layer) for layer in range(1, 40)]
    assert all(a < b < 0.8 for a, b in zip(values, values[1:], strict=False))


def test_gradients_match_autograd_through_oracle():
    p = make(2, 5, 2, 3, 7)
    p["x"].requires_grad_(True)
    ref.differential_attention(**p, lambda_init=0.4)[0].square().sum().backward()
    g_ref = p["x"].grad.clone()
    p["x"].grad = None
    oracle(p, 0.4).square().sum().backward()
    torch.testing.assert_close(g_ref, p["x"].grad, atol=1e-10, rtol=1e-9)


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_the_oracle(name):
    bad = wrong(ITEM, name, "paper")
    if bad.lambda_init_fn(1) != pytest.approx(0.2):
        return  # wrong schedule: already disagrees
    p = make(2, 6, 2, 4, 11)
    out, _ = bad.differential_attention(**p, lambda_init=0.5)
    assert not torch.allclose(out, oracle(p, 0.5), atol=1e-6)


def test_loader_finds_the_item():
    assert load_module(item_dir(ITEM, "paper") / ".meta/solution.py").differential_attention
