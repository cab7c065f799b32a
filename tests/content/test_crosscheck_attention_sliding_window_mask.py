"""attention/sliding-window-mask: the mask against a loop over the definition, the attention against
F.scaled_dot_product_attention with that boolean mask (and is_causal when the window covers everything)."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/sliding-window-mask"
ref = reference(ITEM)


def loop_mask(T, w):
    rows = []
    for i in range(T):
        visible = set(range(max(0, i - w + 1), i + 1))  # the last w positions up to and including i
        rows.append([j in visible for j in range(T)])
    return torch.tensor(rows, dtype=torch.bool).reshape(T, T)


@pytest.mark.parametrize("T", [1, 2, 5, 9])
@pytest.mark.parametrize("w", [1, 2, 3, 5, 8, 20])
def test_mask_matches_loop(T, w):
    got = ref.sliding_window_mask(T, w)
    assert got.dtype == torch.bool and got.shape == (T, T)
    assert torch.equal(got, loop_mask(T, w))
    assert got.sum(-1).tolist() == [min(i + 1, w) for i in range(T)]


def test_window_zero_raises():
    with pytest.raises(ValueError):
        ref.sliding_window_mask(4, 0)


@pytest.mark.parametrize("T,w", [(8, 3), (5, 1), (6, 6), (7, 2)])
def test_attention_matches_sdpa(T, w):
    g = torch.Generator().manual_seed(T * w)
    q, k, v = (torch.randn(2, 3, T, 8, generator=g, dtype=torch.float64).requires_grad_(True)
               for _ in range(3))
    ours = ref.sliding_window_attention(q, k, v, w)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=loop_mask(T, w))  # True = may attend
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    g_ours = torch.autograd.grad(ours.sum(), (q, k, v))
    g_theirs = torch.autograd.grad(theirs.sum(), (q, k, v))
    for a, b in zip(g_ours, g_theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


def test_large_window_is_causal():
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(2, 2, 6, 8, generator=g, dtype=torch.float64) for _ in range(3))
    theirs = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    torch.testing.assert_close(ref.sliding_window_attention(q, k, v, 100), theirs, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["off_by_one", "symmetric_band", "excludes_self", "future_window"])
def test_wrong_variants_disagree_with_loop(name):
    assert not torch.equal(wrong(ITEM, name).sliding_window_mask(6, 3), loop_mask(6, 3))
