"""attention/grouped-query: the reference against F.scaled_dot_product_attention on explicitly expanded K/V,
and against its enable_gqa flag."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/grouped-query"
ref = reference(ITEM)


def qkv(B, H_q, H_kv, L, S, D, D_v, seed):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(B, H_q, L, D, generator=g, dtype=torch.float64) * 1.5,
            torch.randn(B, H_kv, S, D, generator=g, dtype=torch.float64) * 1.5,
            torch.randn(B, H_kv, S, D_v, generator=g, dtype=torch.float64))


def expanded_by_hand(k, H_q):
    """Query head h reads KV head h // G: build the (B, H_q, S, D) tensor head by head."""
    G = H_q // k.shape[1]
    return torch.stack([k[:, h // G] for h in range(H_q)], dim=1)


CASES = [(2, 8, 2, 6, 6, 16, 16, "causal"), (2, 6, 3, 3, 7, 8, 5, None), (1, 4, 4, 5, 5, 8, 8, "causal"),
         (2, 4, 1, 5, 5, 8, 8, "causal"), (2, 4, 2, 4, 6, 8, 8, "padding")]


def make_mask(kind, B, L, S):
    if kind == "causal":
        return torch.ones(L, S, dtype=torch.bool).tril()
    if kind == "padding":
        lengths = torch.randint(1, S + 1, (B,), generator=torch.Generator().manual_seed(B * S))
        return (torch.arange(S)[None, :] < lengths[:, None])[:, None, None, :]
    return None


@pytest.mark.parametrize("B,H_q,H_kv,L,S,D,D_v,kind", CASES)
def test_matches_sdpa_on_expanded_kv(B, H_q, H_kv, L, S, D, D_v, kind):
    q, k, v = qkv(B, H_q, H_kv, L, S, D, D_v, seed=H_q * S)
    mask = make_mask(kind, B, L, S)
    ours_in = [t.clone().requires_grad_(True) for t in (q, k, v)]
    theirs_in = [t.clone().requires_grad_(True) for t in (q, k, v)]
    ours = ref.grouped_query_attention(*ours_in, mask)
    tq, tk, tv = theirs_in
    theirs = F.scaled_dot_product_attention(tq, expanded_by_hand(tk, H_q), expanded_by_hand(tv, H_q),
                                            attn_mask=mask)  # bool mask: True = take part, as ours
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    upstream = torch.randn(ours.shape, generator=torch.Generator().manual_seed(5), dtype=torch.float64)
    (ours * upstream).sum().backward()
    (theirs * upstream).sum().backward()
    for a, b in zip(ours_in, theirs_in, strict=True):
        torch.testing.assert_close(a.grad, b.grad, atol=1e-12, rtol=1e-10)


def test_matches_sdpa_enable_gqa():
    q, k, v = qkv(2, 8, 2, 6, 6, 16, 16, seed=0)
    theirs = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
    torch.testing.assert_close(ref.grouped_query_attention(q, k, v, make_mask("causal", 2, 6, 6)), theirs,
                               atol=1e-12, rtol=1e-10)


def test_not_divisible_raises():
    with pytest.raises(ValueError):
        ref.grouped_query_attention(*qkv(1, 6, 4, 3, 3, 4, 4, seed=1))


@pytest.mark.parametrize("name", ["tiled_repeat", "mixed_repeat", "no_scaling"])
def test_wrong_variants_disagree_with_sdpa(name):
    q, k, v = qkv(2, 8, 2, 6, 6, 16, 16, seed=2)
    theirs = F.scaled_dot_product_attention(q, expanded_by_hand(k, 8), expanded_by_hand(v, 8), is_causal=True)
    bad = wrong(ITEM, name).grouped_query_attention(q, k, v, make_mask("causal", 2, 6, 6))
    assert not torch.allclose(bad, theirs, atol=1e-6)


def test_missing_check_gives_the_wrong_error():
    with pytest.raises(Exception) as info:
        wrong(ITEM, "no_divisibility_check").grouped_query_attention(*qkv(1, 6, 4, 3, 3, 4, 4, seed=1))
    assert not isinstance(info.value, ValueError)
