"""metrics/expected-calibration-error: the vectorised reference against a plain-Python oracle
that bins each example by explicit comparison with the linspace edges."""

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "metrics/expected-calibration-error"
ref = reference(ITEM)


def oracle(probs, labels, n_bins):
    edges = np.linspace(0.0, 1.0, n_bins + 1).tolist()
    counts = [0] * n_bins
    conf_sum = [0.0] * n_bins
    hits = [0] * n_bins
    for row, y in zip(probs.tolist(), labels.tolist(), strict=True):
        top = max(row)
        pred = row.index(top)  # first maximum
        b = next((i for i in range(n_bins) if edges[i] < top <= edges[i + 1]), 0)
        counts[b] += 1
        conf_sum[b] += top
        hits[b] += pred == y
    mean_conf = [s / c if c else 0.0 for s, c in zip(conf_sum, counts, strict=True)]
    acc = [h / c if c else 0.0 for h, c in zip(hits, counts, strict=True)]
    n = len(labels)
    ece = sum(c / n * abs(a - m) for c, a, m in zip(counts, acc, mean_conf, strict=True))
    return counts, mean_conf, acc, ece


def problem(seed):
    g = np.random.default_rng(seed)
    n, c = int(g.integers(1, 200)), int(g.integers(2, 6))
    logits = g.normal(0, g.uniform(0.5, 4), (n, c))
    if seed % 4 == 0:  # coarse logits: ties and confidences on dyadic edges
        logits = np.round(logits)
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    if seed % 4 == 1:  # confidences exactly on edges for B = 4 and 8
        conf = g.choice([0.5, 0.625, 0.75, 0.875, 1.0], n)
        p = np.column_stack([conf, 1 - conf])
    return p, g.integers(0, p.shape[1], n)


@pytest.mark.parametrize("seed", range(100))
def test_matches_oracle(seed):
    probs, labels = problem(seed)
    for n_bins in (1, 4, 8, 15):
        counts, mean_conf, acc, ece = oracle(probs, labels, n_bins)
        got_counts, got_conf, got_acc = ref.reliability_table(probs, labels, n_bins)
        np.testing.assert_array_equal(got_counts, counts)
        np.testing.assert_allclose(got_conf, mean_conf, atol=1e-12)
        np.testing.assert_allclose(got_acc, acc, atol=1e-12)
        assert ref.expected_calibration_error(probs, labels, n_bins) == pytest.approx(ece, abs=1e-12)


@pytest.mark.parametrize("name", ["left_closed_bins", "unweighted_bins", "true_class_confidence",
                                  "signed_gaps", "bin_midpoint_confidence", "empty_bins_nan"])
def test_wrong_variants_disagree_with_oracle(name):
    bad = wrong(ITEM, name)
    disagree = False
    for seed in range(8):
        probs, labels = problem(seed)
        counts, mean_conf, acc, ece = oracle(probs, labels, 4)
        got = bad.reliability_table(probs, labels, 4)
        disagree |= not (np.array_equal(got[0], counts) and np.allclose(got[1], mean_conf)
                         and np.allclose(got[2], acc)
                         and abs(bad.expected_calibration_error(probs, labels, 4) - ece) < 1e-9)
    assert disagree
