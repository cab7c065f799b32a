"""Cross-check paper/transformers/mixture-of-depths: the reference against a plain-Python
per-sequence oracle (sorted() with an explicit tie key, the block run one sequence at a time)."""

from __future__ import annotations

import math

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "transformers/mixture-of-depths"
ref = reference(ITEM, "paper")


def make_block(D, seed):
    g = torch.Generator().manual_seed(seed)
    wq, wk, wv, w1 = (torch.randn(D, D, generator=g, dtype=torch.float64) / math.sqrt(D)
                      for _ in range(4))

    def block(h):
        n = h.shape[1]
        s = (h @ wq) @ (h @ wk).transpose(-2, -1) / math.sqrt(D)
        s = s.masked_fill(torch.ones(n, n, dtype=torch.bool).triu(1), float("-inf"))
        a = torch.softmax(s, dim=-1) @ (h @ wv)
        return a + torch.tanh((h + a) @ w1)

    return block


def oracle(x, w, block, capacity):
    B, T, D = x.shape
    k = max(1, math.floor(capacity * T))
    out = x.clone()
    chosen = []
    for b in range(B):
        scores = [float(x[b, t] @ w) for t in range(T)]
        keep = sorted(sorted(range(T), key=lambda t: (-scores[t], t))[:k])
        chosen.append(keep)
        update = block(x[b, keep].unsqueeze(0))[0]
        for j, t in enumerate(keep):
            out[b, t] = x[b, t] + scores[t] * update[j]
    return out, chosen


def data(B, T, D, seed, ties=False):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, D, generator=g, dtype=torch.float64)
    w = torch.randn(D, generator=g, dtype=torch.float64)
    if ties:  # integer scores on feature 0 only: many exact ties
        x[..., 0] = torch.randint(-2, 3, (B, T), generator=g).double()
        w = torch.zeros(D, dtype=torch.float64)
        w[0] = 1.0
    return x, w


@pytest.mark.parametrize("B,T,D,capacity,seed,ties", [
    (2, 8, 6, 0.5, 0, False), (3, 8, 4, 0.125, 1, False), (2, 5, 4, 1.0, 2, False),
    (2, 10, 4, 0.25, 3, False), (2, 8, 4, 0.0625, 4, False), (4, 16, 5, 0.375, 5, True),
    (3, 12, 4, 0.5, 6, True)])
def test_matches_loop_oracle(B, T, D, capacity, seed, ties):
    x, w = data(B, T, D, seed, ties)
    block = make_block(D, 100 + seed)
    out, selected = ref.mixture_of_depths(x, w, block, capacity)
    want_out, want_sel = oracle(x, w, block, capacity)
    assert selected.tolist() == want_sel
    assert selected.dtype == torch.int64
    torch.testing.assert_close(out, want_out, atol=1e-12, rtol=1e-12)


def test_router_gets_gradient_and_skipped_tokens_are_identity():
    x, w = data(2, 8, 5, 7)
    x.requires_grad_(True)
    w.requires_grad_(True)
    out, selected = ref.mixture_of_depths(x, w, make_block(5, 3), 0.5)
    out.sum().backward()
    assert w.grad.abs().sum() > 0
    skipped = torch.ones(2, 8, dtype=torch.bool)
    skipped[torch.arange(2)[:, None], selected] = False
    torch.testing.assert_close(out[skipped], x[skipped])
    assert torch.all(x.grad[skipped] == 1)


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name, "paper")
    differs = False
    for B, T, D, capacity, seed, ties in [(2, 10, 4, 0.25, 3, False), (4, 16, 5, 0.375, 5, True)]:
        x, w = data(B, T, D, seed, ties)
        block = make_block(D, seed)
        out, selected = bad.mixture_of_depths(x, w, block, capacity)
        want_out, want_sel = oracle(x, w, block, capacity)
        differs |= selected.tolist() != want_sel or not torch.allclose(out, want_out)
    assert differs
