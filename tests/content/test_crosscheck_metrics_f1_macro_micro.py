"""metrics/f1-macro-micro: the reference against plain-Python counting over the examples,
the micro F1 = accuracy identity, and scikit-learn's f1_score when installed."""

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "metrics/f1-macro-micro"
ref = reference(ITEM)


def oracle(y_true, y_pred, C):
    pairs = list(zip(y_true.tolist(), y_pred.tolist(), strict=True))
    M = [[sum(1 for t, p in pairs if t == i and p == j) for j in range(C)] for i in range(C)]
    prec, rec, f1 = [], [], []
    for c in range(C):
        tp = sum(1 for t, p in pairs if t == c and p == c)
        fp = sum(1 for t, p in pairs if t != c and p == c)
        fn = sum(1 for t, p in pairs if t == c and p != c)
        prec.append(tp / (tp + fp) if tp + fp else 0.0)
        rec.append(tp / (tp + fn) if tp + fn else 0.0)
        f1.append(2 * prec[-1] * rec[-1] / (prec[-1] + rec[-1]) if prec[-1] + rec[-1] else 0.0)
    present = sorted({t for t, _ in pairs} | {p for _, p in pairs})
    macro = sum(f1[c] for c in present) / len(present)
    return np.array(M), prec, rec, f1, macro


def problem(seed):
    g = np.random.default_rng(seed)
    C, n = int(g.integers(2, 7)), int(g.integers(1, 80))
    y_true = g.integers(0, C, n)
    y_pred = np.where(g.random(n) < g.random(), y_true, g.integers(0, C, n))
    if seed % 3 == 0:  # make some classes vanish from one side or both
        y_pred = np.where(y_pred == C - 1, 0, y_pred)
        y_true = np.where(y_true == C - 2, 0, y_true)
    return y_true, y_pred, C


@pytest.mark.parametrize("seed", range(60))
def test_matches_oracle(seed):
    y_true, y_pred, C = problem(seed)
    M, prec, rec, f1, macro = oracle(y_true, y_pred, C)
    np.testing.assert_array_equal(ref.confusion_matrix(y_true, y_pred, C), M)
    p, r, f = ref.per_class_scores(y_true, y_pred, C)
    np.testing.assert_allclose(p, prec, atol=1e-15)
    np.testing.assert_allclose(r, rec, atol=1e-15)
    np.testing.assert_allclose(f, f1, atol=1e-15)
    got_macro, got_micro = ref.f1_averages(y_true, y_pred, C)
    assert got_macro == pytest.approx(macro, abs=1e-12)
    assert got_micro == pytest.approx(np.mean(y_true == y_pred), abs=1e-12)  # micro F1 = accuracy


@pytest.mark.parametrize("seed", range(20))
def test_matches_sklearn_if_available(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    y_true, y_pred, C = problem(seed)
    present = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    macro, micro = ref.f1_averages(y_true, y_pred, C)
    assert macro == pytest.approx(metrics.f1_score(y_true, y_pred, labels=present, average="macro",
                                                   zero_division=0), abs=1e-12)
    assert micro == pytest.approx(metrics.f1_score(y_true, y_pred, average="micro"), abs=1e-12)


@pytest.mark.parametrize("name", ["transposed_confusion", "macro_over_all_classes", "zero_division_is_one",
                                  "support_weighted", "arithmetic_mean_f1", "f1_of_macro_averages"])
def test_wrong_variants_disagree_with_oracle(name):
    bad = wrong(ITEM, name)
    disagree = False
    for seed in range(12):
        y_true, y_pred, C = problem(seed)
        C += 1  # one class that appears nowhere
        M, prec, rec, f1, macro = oracle(y_true, y_pred, C)
        got = bad.per_class_scores(y_true, y_pred, C)
        got_macro, got_micro = bad.f1_averages(y_true, y_pred, C)
        disagree |= not (np.array_equal(bad.confusion_matrix(y_true, y_pred, C), M)
                         and all(np.allclose(a, b) for a, b in zip(got, (prec, rec, f1), strict=True))
                         and abs(got_macro - macro) < 1e-9
                         and abs(got_micro - np.mean(y_true == y_pred)) < 1e-9)
    assert disagree
