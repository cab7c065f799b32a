"""classical/knn-classifier: the vectorised reference against a plain-Python oracle that sorts
by (distance, index) and votes with a dictionary."""

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "classical/knn-classifier"
ref = reference(ITEM)


def oracle(X, y, Q, k):
    neighbours, preds = [], []
    for q in Q.tolist():
        dists = [sum((a - b) ** 2 for a, b in zip(q, x, strict=True)) for x in X.tolist()]
        row = sorted(range(len(dists)), key=lambda i: (dists[i], i))[:k]
        votes: dict[int, int] = {}
        for i in row:
            votes[int(y[i])] = votes.get(int(y[i]), 0) + 1
        preds.append(min(votes, key=lambda c: (-votes[c], c)))
        neighbours.append(row)
    return np.array(neighbours), np.array(preds)


def problem(seed, integer):
    g = np.random.default_rng(seed)
    n, d = int(g.integers(1, 60)), int(g.integers(1, 4))
    if integer:
        X = g.integers(-2, 3, (n, d)).astype(np.float64)
        Q = g.integers(-2, 3, (7, d)).astype(np.float64)
    else:
        X, Q = g.standard_normal((n, d)), g.standard_normal((7, d))
    y = g.choice(np.array([0, 2, 3, 11]), n)
    return X, y, Q, int(g.integers(1, n + 1))


@pytest.mark.parametrize("seed", range(80))
@pytest.mark.parametrize("integer", [False, True])
def test_matches_oracle(seed, integer):
    X, y, Q, k = problem(seed, integer)
    nb, pred = oracle(X, y, Q, k)
    np.testing.assert_array_equal(ref.knn_neighbors(X, Q, k), nb)
    np.testing.assert_array_equal(ref.knn_predict(X, y, Q, k), pred)


@pytest.mark.parametrize("name", ["ties_higher_index_first", "vote_tie_nearest_first", "manhattan",
                                  "argpartition_unordered", "distance_weighted", "bincount_over_positions"])
def test_wrong_variants_disagree_with_oracle(name):
    bad = wrong(ITEM, name)
    disagree = False
    for seed in range(10):
        X, y, Q, k = problem(seed, integer=True)
        nb, pred = oracle(X, y, Q, k)
        disagree |= not (np.array_equal(bad.knn_neighbors(X, Q, k), nb)
                         and np.array_equal(bad.knn_predict(X, y, Q, k), pred))
    assert disagree
