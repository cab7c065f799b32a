"""Cross-checks for metrics/pass-at-k: the reference against exact rational arithmetic with
math.comb and, for small n, brute-force enumeration of every size-k subset."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from itemload import item_dir, reference, wrong

ITEM = "metrics/pass-at-k"
ref = reference(ITEM)


def exact(n, c, k):
    return float(1 - Fraction(math.comb(n - c, k), math.comb(n, k)))


def enumerate_subsets(n, c, k):
    samples = [True] * c + [False] * (n - c)
    subsets = list(itertools.combinations(range(n), k))
    return sum(any(samples[i] for i in s) for s in subsets) / len(subsets)


@pytest.mark.parametrize("n", range(1, 9))
def test_matches_subset_enumeration(n):
    for c in range(n + 1):
        for k in range(1, n + 1):
            assert ref.pass_at_k(n, c, k) == pytest.approx(enumerate_subsets(n, c, k), abs=1e-12)


@pytest.mark.parametrize("n", [50, 200, 1000, 5000])
def test_matches_exact_fractions_for_large_n(n):
    for c in (0, 1, 2, 7, n // 3, n // 2, n - 1, n):
        for k in (1, 2, 10, n // 4, n // 2, n):
            got = ref.pass_at_k(n, c, k)
            assert isinstance(got, float)
            assert got == pytest.approx(exact(n, c, k), rel=1e-9, abs=1e-12)


def test_mean_is_per_problem():
    n, c = [10, 200, 50], [1, 13, 49]
    want = sum(exact(a, b, 5) for a, b in zip(n, c, strict=True)) / 3
    assert ref.mean_pass_at_k(n, c, 5) == pytest.approx(want, rel=1e-12)


def test_invalid_k_raises():
    with pytest.raises(ValueError):
        ref.pass_at_k(5, 2, 6)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name)
    disagrees = False
    for n, c, k in ((5, 2, 2), (10, 3, 4), (200, 5, 100), (1000, 2, 500)):
        got = bad.pass_at_k(n, c, k)
        disagrees |= not got == pytest.approx(exact(n, c, k), rel=1e-9, abs=1e-12)
    n, c = [10, 200, 50], [1, 13, 49]
    want = sum(exact(a, b, 5) for a, b in zip(n, c, strict=True)) / 3
    disagrees |= bad.mean_pass_at_k(n, c, 5) != pytest.approx(want, rel=1e-12)
    try:
        bad.pass_at_k(5, 2, 6)
        disagrees = True
    except ValueError:
        pass
    assert disagrees
