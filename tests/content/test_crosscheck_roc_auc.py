"""The ROC/AUC reference agrees with a brute-force pair count (and scikit-learn if present)."""

import random
from pathlib import Path

import pytest
from itemload import load_module

ITEM = Path(__file__).parents[2] / "src/onsite/packs/core/code/metrics/roc-auc"


def load_reference():
    return load_module(ITEM / ".meta/solution.py")


ref = load_reference()


def brute_auc(scores, labels):
    pos = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    neg = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def brute_curve(scores, labels):
    pos = sum(labels)
    neg = len(labels) - pos
    fpr, tpr = [0.0], [0.0]
    for t in sorted(set(scores), reverse=True):
        admitted = [y for s, y in zip(scores, labels, strict=True) if s >= t]
        tpr.append(sum(admitted) / pos)
        fpr.append((len(admitted) - sum(admitted)) / neg)
    return fpr, tpr


def random_problem(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 120)
    labels = [rng.randint(0, 1) for _ in range(n)]
    labels[0], labels[1] = 0, 1  # both classes present
    rng.shuffle(labels)
    decimals = rng.choice([0, 1, 2, 6])  # few decimals -> many ties
    scores = [round(rng.gauss(0.7 * y, 1.0), decimals) for y in labels]
    return scores, labels


@pytest.mark.parametrize("seed", range(200))
def test_matches_brute_force(seed):
    scores, labels = random_problem(seed)
    assert ref.roc_auc(scores, labels) == pytest.approx(brute_auc(scores, labels), abs=1e-12)
    fpr, tpr = ref.roc_curve(scores, labels)
    bf, bt = brute_curve(scores, labels)
    assert fpr == pytest.approx(bf, abs=1e-15) and tpr == pytest.approx(bt, abs=1e-15)


@pytest.mark.parametrize("labels", [[1, 1, 1], [0, 0, 0]])
def test_one_class_raises(labels):
    with pytest.raises(ValueError):
        ref.roc_auc([0.1, 0.2, 0.3], labels)
    with pytest.raises(ValueError):
        ref.roc_curve([0.1, 0.2, 0.3], labels)


def test_inputs_not_modified_and_order_free():
    scores, labels = random_problem(7)
    s0, l0 = list(scores), list(labels)
    auc = ref.roc_auc(scores, labels)
    assert (scores, labels) == (s0, l0)
    rng = random.Random(1)
    pairs = list(zip(scores, labels, strict=True))
    rng.shuffle(pairs)
    assert ref.roc_auc([p[0] for p in pairs], [p[1] for p in pairs]) == auc


@pytest.mark.parametrize("seed", range(30))
def test_matches_sklearn_if_available(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    scores, labels = random_problem(seed)
    assert ref.roc_auc(scores, labels) == pytest.approx(
        metrics.roc_auc_score(labels, scores), abs=1e-12)
    fpr, tpr, _ = metrics.roc_curve(labels, scores, drop_intermediate=False)
    ours = ref.roc_curve(scores, labels)
    assert ours[0] == pytest.approx(list(fpr), abs=1e-15)
    assert ours[1] == pytest.approx(list(tpr), abs=1e-15)
