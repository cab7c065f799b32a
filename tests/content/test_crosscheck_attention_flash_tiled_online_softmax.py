"""attention/flash-tiled-online-softmax: the tiled reference against torch's exact attention
(F.scaled_dot_product_attention) and torch.logsumexp, and its state update against the definition."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/flash-tiled-online-softmax"
ref = reference(ITEM)


def exact(q, k, v, causal):
    out = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if causal:
        s = s.masked_fill(torch.ones(s.shape[-2:], dtype=torch.bool).triu(1), float("-inf"))
    return out, torch.logsumexp(s, dim=-1)


@pytest.mark.parametrize("L,S,D,Dv,bc,causal,scale", [
    (12, 12, 8, 8, 4, False, 1.0), (10, 10, 8, 8, 3, True, 1.0), (7, 7, 4, 4, 1, True, 1.0),
    (7, 7, 4, 4, 9, True, 1.0), (5, 13, 4, 6, 5, False, 1.0), (16, 16, 16, 8, 5, True, 30.0),
    (1, 1, 8, 8, 2, True, 1.0), (9, 31, 8, 3, 7, False, 10.0),
])
def test_matches_exact_attention(L, S, D, Dv, bc, causal, scale):
    g = torch.Generator().manual_seed(L * S + bc)
    q = torch.randn(2, 3, L, D, generator=g, dtype=torch.float64) * scale
    k = torch.randn(2, 3, S, D, generator=g, dtype=torch.float64) * scale
    v = torch.randn(2, 3, S, Dv, generator=g, dtype=torch.float64)
    out, lse = ref.flash_attention(q, k, v, bc, causal)
    want_out, want_lse = exact(q, k, v, causal)
    torch.testing.assert_close(out, want_out, atol=1e-10, rtol=1e-10)
    torch.testing.assert_close(lse, want_lse, atol=1e-10, rtol=1e-12)


def test_float32_huge_logits_finite_and_close():
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(2, 9, 8, generator=g) * s for s in (100.0, 100.0, 1.0))
    out, lse = ref.flash_attention(q, k, v, 4, causal=True)
    want_out, want_lse = exact(q.double(), k.double(), v.double(), True)
    assert torch.isfinite(out).all() and torch.isfinite(lse).all()
    torch.testing.assert_close(out.double(), want_out, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(lse.double(), want_lse, atol=1e-2, rtol=1e-5)


def test_gradients_match_torch_autograd():
    g = torch.Generator().manual_seed(3)
    leaves = [torch.randn(2, 7, 4, generator=g, dtype=torch.float64, requires_grad=True) for _ in range(3)]
    up = torch.randn(2, 7, 4, generator=g, dtype=torch.float64)
    ours = torch.autograd.grad((ref.flash_attention(*leaves, 3, True)[0] * up).sum(), leaves)
    theirs = torch.autograd.grad((F.scaled_dot_product_attention(*leaves, is_causal=True) * up).sum(), leaves)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-10, rtol=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_state_is_the_definition_in_any_block_order(seed):
    """After folding blocks in a random order, m, denom and acc are the max, sum exp(s - m)
    and sum exp(s - m) v over all scores seen (loop in plain Python per row)."""
    g = torch.Generator().manual_seed(seed)
    s = torch.randn(4, 11, generator=g, dtype=torch.float64) * 3
    s[0, :6] = float("-inf")
    v = torch.randn(11, 2, generator=g, dtype=torch.float64)
    m, den, acc = torch.full((4,), float("-inf"), dtype=torch.float64), torch.zeros(4, dtype=torch.float64), \
        torch.zeros(4, 2, dtype=torch.float64)
    blocks = [list(range(0, 3)), list(range(3, 6)), list(range(6, 10)), [10]]
    order = torch.randperm(4, generator=g).tolist()
    for b in order:
        idx = torch.tensor(blocks[b])
        m, den, acc = ref.online_update(m, den, acc, s[:, idx], v[idx])
    for i in range(4):
        row = s[i].tolist()
        top = max(row)
        assert m[i].item() == top
        weights = [math.exp(x - top) for x in row]
        assert den[i].item() == pytest.approx(sum(weights), rel=1e-12)
        for c in range(2):
            want = sum(w * v[j, c].item() for j, w in enumerate(weights))
            assert acc[i, c].item() == pytest.approx(want, rel=1e-10, abs=1e-12)


def test_empty_rows_stay_empty():
    m, den, acc = ref.online_update(torch.tensor([float("-inf")]), torch.zeros(1), torch.zeros(1, 2),
                                    torch.full((1, 3), float("-inf")), torch.ones(3, 2))
    assert m.item() == float("-inf") and den.item() == 0 and torch.equal(acc, torch.zeros(1, 2))


@pytest.mark.parametrize("name", ["no_rescale_acc", "no_rescale_l", "drops_last_block", "no_inf_guard",
                                  "block_local_causal", "lse_without_max"])
def test_wrong_variants_disagree(name):
    g = torch.Generator().manual_seed(1)
    q, k, v = (torch.randn(2, 10, 8, generator=g, dtype=torch.float64) for _ in range(3))
    want_out, want_lse = exact(q, k, v, True)
    bad = wrong(ITEM, name)
    out, lse = bad.flash_attention(q, k, v, 3, True)
    state_ok = True
    if name == "no_inf_guard":
        m, _, _ = bad.online_update(torch.tensor([float("-inf")]), torch.zeros(1), torch.zeros(1, 2),
                                    torch.full((1, 3), float("-inf")), torch.ones(3, 2))
        state_ok = not torch.isnan(m).any()
        _, den, _ = bad.online_update(torch.tensor([float("-inf")]), torch.zeros(1), torch.zeros(1, 2),
                                      torch.full((1, 3), float("-inf")), torch.ones(3, 2))
        state_ok = state_ok and not torch.isnan(den).any()
    assert not (torch.allclose(out, want_out) and torch.allclose(lse, want_lse) and state_ok)
