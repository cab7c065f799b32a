"""metrics/paired-bootstrap-ci: the vectorised reference against a plain-Python loop over the
same index matrix, with the linear-interpolation percentile written out by hand."""

import math

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "metrics/paired-bootstrap-ci"
ref = reference(ITEM)


def percentile(values, q):
    v = sorted(values)
    h = q / 100 * (len(v) - 1)
    lo = math.floor(h)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])


def loop(a, b, n_boot, alpha, seed):
    n = len(a)
    idx = np.random.default_rng(seed).integers(0, n, size=(n_boot, n)).tolist()
    diffs = [sum(float(a[i]) for i in row) / n - sum(float(b[i]) for i in row) / n for row in idx]
    observed = sum(map(float, a)) / n - sum(map(float, b)) / n
    return diffs, observed, percentile(diffs, 100 * alpha / 2), percentile(diffs, 100 * (1 - alpha / 2))


def models(seed, n, continuous=False):
    g = np.random.default_rng(seed)
    if continuous:
        base = g.random(n)
        return base + g.normal(0.03, 0.1, n), base + g.normal(0.0, 0.1, n)
    common = g.random(n)
    return common < 0.72, np.where(g.random(n) < 0.5, common, g.random(n)) < 0.68


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("n,n_boot", [(1, 5), (7, 50), (60, 400), (200, 1000)])
@pytest.mark.parametrize("alpha", [0.05, 0.1, 0.5])
@pytest.mark.parametrize("continuous", [False, True])
def test_matches_loop(seed, n, n_boot, alpha, continuous):
    a, b = models(seed, n, continuous)
    diffs, observed, low, high = loop(a, b, n_boot, alpha, seed + 100)
    np.testing.assert_allclose(ref.bootstrap_differences(a, b, n_boot, seed + 100), diffs, atol=1e-12)
    got = ref.paired_bootstrap_ci(a, b, n_boot, alpha, seed + 100)
    assert all(isinstance(x, float) for x in got)
    assert got == pytest.approx((observed, low, high), abs=1e-12)


def test_pairing_narrows_the_interval():
    a, b = models(1, 400)
    _, low, high = ref.paired_bootstrap_ci(a, b, 1000, 0.05, 0)
    _, low_u, high_u = wrong(ITEM, "unpaired").paired_bootstrap_ci(a, b, 1000, 0.05, 0)
    assert high - low < high_u - low_u


@pytest.mark.parametrize("name", ["unpaired", "one_sided_tails", "b_minus_a", "index_percentile",
                                  "legacy_global_rng", "centred_at_observed"])
def test_wrong_variants_disagree_with_loop(name):
    bad = wrong(ITEM, name)
    a, b = models(3, 80, continuous=True)
    _, observed, low, high = loop(a, b, 999, 0.05, 5)
    assert bad.paired_bootstrap_ci(a, b, 999, 0.05, 5) != pytest.approx((observed, low, high), abs=1e-9)
