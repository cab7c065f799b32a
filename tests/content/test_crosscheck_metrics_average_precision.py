"""metrics/average-precision: the vectorised reference against a brute-force oracle that
recounts TP/FP at every distinct threshold in plain Python, and (without ties) against the
mean of precision@rank over the positives."""

import random

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "metrics/average-precision"
ref = reference(ITEM)


def brute(scores, labels):
    n_pos = sum(labels)
    precision, recall, thresholds = [], [], []
    for t in sorted(set(scores), reverse=True):
        admitted = [y for s, y in zip(scores, labels, strict=True) if s >= t]
        tp = sum(admitted)
        precision.append(tp / len(admitted))
        recall.append(tp / n_pos)
        thresholds.append(t)
    ap, previous = 0.0, 0.0
    for p, r in zip(precision, recall, strict=True):
        ap += (r - previous) * p
        previous = r
    return precision, recall, thresholds, ap


def problem(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 80)
    labels = [rng.randint(0, 1) for _ in range(n)]
    labels[rng.randrange(n)] = 1  # at least one positive
    decimals = rng.choice([0, 1, 2, 8])
    scores = [round(rng.gauss(0.8 * y, 1.0), decimals) for y in labels]
    return scores, labels


@pytest.mark.parametrize("seed", range(150))
def test_matches_brute_force(seed):
    scores, labels = problem(seed)
    p, r, t = ref.precision_recall_curve(np.array(scores), np.array(labels))
    bp, br, bt, bap = brute(scores, labels)
    np.testing.assert_allclose(p, bp, rtol=0, atol=1e-15)
    np.testing.assert_allclose(r, br, rtol=0, atol=1e-15)
    np.testing.assert_array_equal(t, bt)
    assert ref.average_precision(np.array(scores), np.array(labels)) == pytest.approx(bap, abs=1e-12)


@pytest.mark.parametrize("seed", range(50))
def test_without_ties_equals_mean_precision_at_each_positive(seed):
    g = np.random.default_rng(seed)
    labels = g.integers(0, 2, 40)
    labels[0] = 1
    scores = g.standard_normal(40)  # continuous: no ties
    ranked = labels[np.argsort(-scores)]
    hits = np.cumsum(ranked)
    at_positives = (hits / np.arange(1, 41))[ranked == 1]
    assert ref.average_precision(scores, labels) == pytest.approx(at_positives.mean(), abs=1e-12)


def test_order_of_input_does_not_matter():
    scores, labels = problem(11)
    ap = ref.average_precision(np.array(scores), np.array(labels))
    pairs = list(zip(scores, labels, strict=True))
    random.Random(3).shuffle(pairs)
    shuffled = ref.average_precision(np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]))
    assert shuffled == pytest.approx(ap, abs=1e-15)


def test_no_positive_raises():
    with pytest.raises(ValueError):
        ref.average_precision(np.array([0.1, 0.4]), np.array([0, 0]))


@pytest.mark.parametrize("name", ["ties_as_staircase", "trapezoid_area", "interpolated_precision",
                                  "previous_precision", "mean_precision", "first_of_tie_group"])
def test_wrong_variants_disagree_with_brute_force(name):
    bad = wrong(ITEM, name)
    # Precision dips and recovers (so interpolation changes it) and 0.5 is a mixed tie group.
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.5, 0.5, 0.2]
    labels = [1, 0, 0, 1, 0, 1, 1, 0]
    *_, bap = brute(scores, labels)
    assert bad.average_precision(np.array(scores), np.array(labels)) != pytest.approx(bap, abs=1e-9)
