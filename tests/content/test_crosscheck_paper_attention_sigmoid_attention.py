"""Cross-check paper/attention/sigmoid-attention: the reference against torch.special.expit
with an einsum, against plain-Python loops, and the worked example."""

from __future__ import annotations

import math

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "attention/sigmoid-attention"
ref = reference(ITEM, "paper")


def inputs(*batch, L, n, d, d_v, seed, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(*batch, L, d, generator=g, dtype=torch.float64) * scale,
            torch.randn(*batch, n, d, generator=g, dtype=torch.float64) * scale,
            torch.randn(*batch, n, d_v, generator=g, dtype=torch.float64))


def einsum_oracle(q, k, v, bias=None, causal=False):
    n, d = k.shape[-2], q.shape[-1]
    b = -math.log(n) if bias is None else bias
    s = torch.einsum("...ld,...nd->...ln", q, k) / math.sqrt(d) + b
    w = torch.special.expit(s)
    if causal:
        w = w * torch.ones(q.shape[-2], n, dtype=w.dtype).tril()
    return torch.einsum("...ln,...nv->...lv", w, v), w


def loop_oracle(q, k, v, bias=None, causal=False):
    """One (query, key) pair at a time in Python floats, for 2-D inputs."""
    L, d = q.shape
    n = k.shape[0]
    b = -math.log(n) if bias is None else bias
    out = [[0.0] * v.shape[1] for _ in range(L)]
    for i in range(L):
        for j in range(n):
            if causal and j > i:
                continue
            s = sum(q[i, c].item() * k[j, c].item() for c in range(d)) / math.sqrt(d) + b
            w = 1 / (1 + math.exp(-s)) if s >= 0 else math.exp(s) / (1 + math.exp(s))
            for c in range(v.shape[1]):
                out[i][c] += w * v[j, c].item()
    return torch.tensor(out, dtype=torch.float64)


@pytest.mark.parametrize("batch,L,n,d,d_v,bias,causal,scale,seed", [
    ((2, 2), 6, 6, 8, 8, None, False, 1.0, 0), ((2, 3), 7, 7, 8, 8, None, True, 1.0, 1),
    ((2,), 3, 9, 4, 5, None, False, 1.0, 2), ((2,), 4, 5, 8, 8, -2.5, False, 1.0, 3),
    ((3,), 2, 1, 8, 8, None, False, 1.0, 4), ((2,), 5, 5, 8, 8, None, True, 30.0, 6)])
def test_matches_expit_einsum(batch, L, n, d, d_v, bias, causal, scale, seed):
    q, k, v = inputs(*batch, L=L, n=n, d=d, d_v=d_v, seed=seed, scale=scale)
    out, w = ref.sigmoid_attention(q, k, v, bias=bias, causal=causal)
    want_out, want_w = einsum_oracle(q, k, v, bias, causal)
    torch.testing.assert_close(w, want_w, atol=1e-13, rtol=1e-12)
    torch.testing.assert_close(out, want_out, atol=1e-12, rtol=1e-11)


@pytest.mark.parametrize("causal", [False, True])
def test_matches_python_loops(causal):
    q, k, v = inputs(L=5, n=5, d=3, d_v=2, seed=9, scale=3.0)
    out, _ = ref.sigmoid_attention(q, k, v, causal=causal)
    torch.testing.assert_close(out, loop_oracle(q, k, v, causal=causal), atol=1e-12, rtol=1e-11)


def test_worked_example():
    q = torch.tensor([[2.0]])
    k = torch.tensor([[1.0], [0.0], [0.0], [-1.0]])
    out, w = ref.sigmoid_attention(q, k, torch.ones(4, 1))
    assert w[0].tolist() == pytest.approx([0.6488, 0.2, 0.2, 0.0327], abs=1e-4)
    assert out.item() == pytest.approx(1.0815, abs=1e-4)


def test_gradients_finite_and_match_autograd_of_expit():
    q, k, v = inputs(2, L=5, n=5, d=8, d_v=8, seed=6, scale=30.0)
    ours = [t.clone().requires_grad_(True) for t in (q, k, v)]
    ref.sigmoid_attention(*ours, causal=True)[0].sum().backward()
    theirs = [t.clone().requires_grad_(True) for t in (q, k, v)]
    einsum_oracle(*theirs, causal=True)[0].sum().backward()
    for a, b in zip(ours, theirs, strict=True):
        assert torch.isfinite(a.grad).all()
        torch.testing.assert_close(a.grad, b.grad, atol=1e-10, rtol=1e-9)


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name, "paper")
    differs = False
    for scale in (1.0, 30.0):
        q, k, v = inputs(2, L=6, n=6, d=4, d_v=3, seed=12, scale=scale)
        q.requires_grad_(True)
        out, w = bad.sigmoid_attention(q, k, v, causal=True)
        want_out, want_w = einsum_oracle(q.detach(), k, v, causal=True)
        differs |= not torch.allclose(w, want_w) or not torch.allclose(out, want_out)
        out.sum().backward()
        differs |= not torch.isfinite(q.grad).all()
    assert differs
