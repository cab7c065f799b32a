"""positions/t5-relative-bias: buckets against a brute-force oracle that finds each bucket by counting the
log-spaced boundaries a distance has passed (no log of the distance), and the bias against a per-pair loop."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "positions/t5-relative-bias"
ref = reference(ITEM)


def oracle_bucket(r: int, bidirectional: bool, num_buckets: int, max_distance: int) -> int:
    if bidirectional:
        N = num_buckets // 2
        base = N if r > 0 else 0
        n = abs(r)
    else:
        N, base, n = num_buckets, 0, max(-r, 0)
    E = N // 2
    if n < E:
        return base + n
    # Bucket E + k covers distances from E * (max_distance / E) ** (k / (N - E)) on; count the
    # boundaries at or below n, stopping at the last bucket.
    k = 0
    while k + 1 <= N - E - 1 and n >= E * (max_distance / E) ** ((k + 1) / (N - E)):
        k += 1
    return base + E + k


CONFIGS = [(32, 128), (16, 64), (8, 20), (10, 30), (64, 256), (32, 100), (12, 40)]


@pytest.mark.parametrize("num_buckets,max_distance", CONFIGS)
@pytest.mark.parametrize("bidirectional", [True, False])
def test_buckets_match_oracle(num_buckets, max_distance, bidirectional):
    r = torch.arange(-3 * max_distance, 3 * max_distance + 1)
    got = ref.relative_position_bucket(r, bidirectional, num_buckets, max_distance)
    assert got.dtype == torch.int64 and got.shape == r.shape
    want = [oracle_bucket(x, bidirectional, num_buckets, max_distance) for x in r.tolist()]
    assert got.tolist() == want
    assert 0 <= got.min() and got.max() < num_buckets


def test_known_t5_layout():
    """Facts of the default T5 configuration: 8 exact buckets per direction, far keys in bucket 15 / 31."""
    b = ref.relative_position_bucket(torch.tensor([0, -1, -7, -8, -127, -1000, 1, 7, 1000]), True)
    assert b.tolist()[:3] == [0, 1, 7] and b[3] == 8 and b[4] == 15 and b[5] == 15
    assert b.tolist()[6:] == [17, 23, 31]
    c = ref.relative_position_bucket(torch.tensor([5, 0, -15, -16, -1000]), False)
    assert c.tolist()[:3] == [0, 0, 15] and c[3] == 16 and c[4] == 31


@pytest.mark.parametrize("L,S,bidirectional,md,offset", [(5, 7, True, 128, 0), (40, 40, False, 24, 0),
                                                         (1, 200, False, 128, 199), (6, 6, True, 16, 3)])
def test_bias_matches_pair_loop(L, S, bidirectional, md, offset):
    table = torch.randn(32, 3, generator=torch.Generator().manual_seed(L + S), dtype=torch.float64)
    bias = ref.t5_relative_bias(table, L, S, bidirectional, md, offset)
    assert bias.shape == (3, L, S)
    for i in range(L):
        for j in range(S):
            bucket = oracle_bucket(j - (offset + i), bidirectional, 32, md)
            assert torch.equal(bias[:, i, j], table[bucket])


def test_table_gradient_counts_pairs():
    table = torch.zeros(16, 2, dtype=torch.float64, requires_grad=True)
    ref.t5_relative_bias(table, 10, 10, False, 20).sum().backward()
    counts = [0] * 16
    for i in range(10):
        for j in range(10):
            counts[oracle_bucket(j - i, False, 16, 20)] += 1
    assert table.grad[:, 0].tolist() == counts and table.grad[:, 1].tolist() == counts


@pytest.mark.parametrize("name", ["sign_flipped", "no_halving", "rounds", "no_clamp", "causal_abs"])
def test_wrong_variants_disagree_with_oracle(name):
    r = torch.arange(-300, 301)
    bad = wrong(ITEM, name).relative_position_bucket
    disagree = False
    for bi in (True, False):
        want = [oracle_bucket(x, bi, 32, 128) for x in r.tolist()]
        disagree |= bad(r, bi, 32, 128).tolist() != want
    assert disagree
