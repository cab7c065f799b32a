"""classical/decision-tree-split: the reference against a brute-force oracle that enumerates
every (feature, midpoint) split with plain-Python counting, applies the stated tie rule, and
against scikit-learn's depth-1 tree when it is installed."""

import math

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "classical/decision-tree-split"
ref = reference(ITEM)


def impurity(labels, criterion):
    if not labels:
        return 0.0
    counts: dict[int, int] = {}
    for v in labels:
        counts[v] = counts.get(v, 0) + 1
    ps = [c / len(labels) for c in counts.values()]
    if criterion == "gini":
        return 1.0 - sum(p * p for p in ps)
    return -sum(p * math.log(p, 2) for p in ps)


def oracle(X, y, criterion):
    rows, labels = X.tolist(), y.tolist()
    parent = impurity(labels, criterion)
    candidates = []
    for j in range(X.shape[1]):
        values = sorted({r[j] for r in rows})
        for a, b in zip(values[:-1], values[1:], strict=True):
            t = (a + b) / 2
            left = [lab for r, lab in zip(rows, labels, strict=True) if r[j] <= t]
            right = [lab for r, lab in zip(rows, labels, strict=True) if r[j] > t]
            n = len(labels)
            gain = (parent - len(left) / n * impurity(left, criterion)
                    - len(right) / n * impurity(right, criterion))
            candidates.append((j, t, gain))
    if not candidates:
        return -1, math.nan, 0.0
    top = max(c[2] for c in candidates)
    return min((c for c in candidates if c[2] >= top - 1e-12), key=lambda c: (c[0], c[1]))


def problem(seed):
    g = np.random.default_rng(seed)
    n, d = int(g.integers(1, 40)), int(g.integers(1, 5))
    X = g.integers(0, int(g.integers(1, 8)), (n, d)).astype(np.float64) * 0.5
    y = g.integers(0, int(g.integers(1, 4)), n)
    return X, y


@pytest.mark.parametrize("seed", range(80))
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_matches_oracle(seed, criterion):
    X, y = problem(seed)
    got = ref.best_split(X, y, criterion)
    want = oracle(X, y, criterion)
    assert got[0] == want[0]
    if want[0] == -1:
        assert math.isnan(got[1]) and got[2] == 0.0
    else:
        assert got[1] == want[1] and got[2] == pytest.approx(want[2], abs=1e-12)


@pytest.mark.parametrize("seed", range(20))
def test_impurity_matches_oracle(seed):
    y = np.random.default_rng(seed).integers(0, 5, 30)
    for criterion in ("gini", "entropy"):
        assert ref.impurity(y, criterion) == pytest.approx(impurity(y.tolist(), criterion), abs=1e-14)


@pytest.mark.parametrize("seed", range(20))
def test_gain_matches_sklearn_stump(seed):
    tree = pytest.importorskip("sklearn.tree")
    g = np.random.default_rng(seed)
    X = g.normal(size=(50, 3))  # continuous: no ties between splits
    y = (X[:, 0] + g.normal(size=50) > 0).astype(int)
    stump = tree.DecisionTreeClassifier(max_depth=1, criterion="gini", random_state=0).fit(X, y)
    feature, threshold, _ = ref.best_split(X, y, "gini")
    assert feature == stump.tree_.feature[0]
    assert threshold == pytest.approx(stump.tree_.threshold[0], abs=1e-6)


@pytest.mark.parametrize("name", ["threshold_at_value", "unweighted_children", "entropy_in_nats",
                                  "last_tie_wins", "misclassification_impurity", "empty_child_allowed"])
def test_wrong_variants_disagree_with_oracle(name):
    bad = wrong(ITEM, name)
    disagree = False
    for seed in range(30):
        X, y = problem(seed)
        for criterion in ("gini", "entropy"):
            got, want = bad.best_split(X, y, criterion), oracle(X, y, criterion)
            same = got[0] == want[0] and (want[0] == -1
                                          or (got[1] == want[1] and abs(got[2] - want[2]) < 1e-9))
            disagree |= not same
    assert disagree
