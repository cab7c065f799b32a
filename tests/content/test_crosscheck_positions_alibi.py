"""positions/alibi: slopes against the paper's values and a loop; attention against
F.scaled_dot_product_attention with the bias passed as an additive float mask."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "positions/alibi"
ref = reference(ITEM)


def loop_slopes(n):
    c = 1
    while c * 2 <= n:
        c *= 2
    ratio = 2.0 ** (-8.0 / c)
    slopes = [ratio ** (h + 1) for h in range(c)]
    fine_ratio = 2.0 ** (-8.0 / (2 * c))
    index = 0
    while len(slopes) < n:
        slopes.append(fine_ratio ** (index + 1))
        index += 2
    return slopes


def test_paper_values_for_eight_heads():
    torch.testing.assert_close(ref.alibi_slopes(8), torch.tensor([2.0 ** -k for k in range(1, 9)],
                                                                 dtype=torch.float64))


@pytest.mark.parametrize("n", list(range(1, 33)) + [48, 64, 96])
def test_slopes_match_loop(n):
    got = ref.alibi_slopes(n)
    assert got.dtype == torch.float64 and got.shape == (n,)
    torch.testing.assert_close(got, torch.tensor(loop_slopes(n), dtype=torch.float64), atol=0, rtol=1e-14)
    assert len(set(got.tolist())) == n  # the interleaving rule never repeats a slope


@pytest.mark.parametrize("H,T", [(4, 5), (6, 4), (12, 9), (1, 1)])
def test_bias_matches_loop(H, T):
    bias = ref.alibi_bias(H, T)
    slopes = loop_slopes(H)
    for h in range(H):
        for i in range(T):
            for j in range(T):
                want = -slopes[h] * (i - j) if j <= i else -math.inf
                assert bias[h, i, j].item() == pytest.approx(want, rel=1e-14, abs=0)


@pytest.mark.parametrize("B,H,T,D", [(2, 8, 7, 16), (1, 6, 10, 4), (3, 2, 1, 8), (2, 12, 6, 8)])
def test_attention_matches_sdpa_with_float_mask(B, H, T, D):
    g = torch.Generator().manual_seed(H * T)
    q, k, v = (torch.randn(B, H, T, D, generator=g, dtype=torch.float64) * 2 for _ in range(3))
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=ref.alibi_bias(H, T))
    torch.testing.assert_close(ref.alibi_attention(q, k, v), theirs, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["power_rule_for_all", "first_not_every_other", "exponent_from_zero",
                                  "positive_bias", "bias_scaled"])
def test_wrong_variants_disagree(name):
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(1, 6, 8, 8, generator=g, dtype=torch.float64) * 2 for _ in range(3))
    bias = torch.tensor(loop_slopes(6), dtype=torch.float64)[:, None, None] * -(
        torch.arange(8)[:, None] - torch.arange(8)[None, :])
    bias = bias.masked_fill(torch.ones(8, 8, dtype=torch.bool).triu(1), -math.inf)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=bias)
    assert not torch.allclose(wrong(ITEM, name).alibi_attention(q, k, v), theirs, atol=1e-6)
