"""The k-means++ / Lloyd reference agrees with a loop-by-loop re-implementation of the spec."""

import math
from pathlib import Path

import numpy as np
import pytest
from itemload import load_module

ITEM = Path(__file__).parents[2] / "src/onsite/packs/core/code/classical/kmeans-plus-plus"


def load_reference():
    return load_module(ITEM / ".meta/solution.py")


ref = load_reference()


def sq(a, b):
    return sum((float(p) - float(q)) ** 2 for p, q in zip(a, b, strict=True))


def brute_seeds(X, k, rng):
    """Same draws as the spec, but every distance computed with plain loops."""
    n = len(X)
    picked = [int(rng.integers(n))]
    while len(picked) < k:
        d2 = np.array([min(sq(X[i], X[j]) for j in picked) for i in range(n)])
        picked.append(int(rng.choice(n, p=d2 / d2.sum())))
    return [list(map(float, X[i])) for i in picked]


def brute_nearest(x, centres):
    best, best_d = 0, math.inf
    for j, c in enumerate(centres):
        d = sq(x, c)
        if d < best_d:  # strict: an exact tie keeps the lower index
            best, best_d = j, d
    return best


def brute_kmeans(X, k, rng, n_iter=100, tol=1e-8):
    centres = brute_seeds(X, k, rng)
    dim = X.shape[1]
    for _ in range(n_iter):
        labels = [brute_nearest(x, centres) for x in X]
        new = [list(c) for c in centres]
        for j in range(k):
            members = [X[i] for i in range(len(X)) if labels[i] == j]
            if members:
                new[j] = [math.fsum(float(m[d]) for m in members) / len(members)
                          for d in range(dim)]
        moved = max(abs(a - b) for c0, c1 in zip(centres, new, strict=True)
                    for a, b in zip(c0, c1, strict=True))
        centres = new
        if moved <= tol:
            break
    return np.array(centres), np.array([brute_nearest(x, centres) for x in X])


def random_data(seed):
    g = np.random.default_rng(seed)
    n = int(g.integers(10, 60))
    d = int(g.integers(1, 5))
    k = int(g.integers(1, 7))
    means = g.uniform(-5, 5, size=(k + 1, d))
    X = means[g.integers(0, k + 1, size=n)] + g.standard_normal((n, d))
    return X, min(k, n)


@pytest.mark.parametrize("seed", range(40))
def test_seeds_match_brute_force(seed):
    X, k = random_data(seed)
    ours = ref.kmeans_pp_init(X, k, np.random.default_rng(1000 + seed))
    theirs = np.array(brute_seeds(X, k, np.random.default_rng(1000 + seed)))
    assert ours.shape == (k, X.shape[1]) and ours.dtype == np.float64
    np.testing.assert_array_equal(ours, theirs)


@pytest.mark.parametrize("n_iter", [1, 3, 100])
@pytest.mark.parametrize("seed", range(30))
def test_kmeans_matches_brute_force(seed, n_iter):
    X, k = random_data(seed)
    centres, labels = ref.kmeans(X, k, np.random.default_rng(seed), n_iter=n_iter)
    c2, l2 = brute_kmeans(X, k, np.random.default_rng(seed), n_iter=n_iter)
    assert labels.dtype == np.int64 and labels.shape == (len(X),)
    np.testing.assert_array_equal(labels, l2)
    np.testing.assert_allclose(centres, c2, atol=1e-10, rtol=1e-10)


def test_empty_cluster_keeps_centre_and_k_equals_n():
    X = np.array([[1.5, 0.3], [1.4, -1.1], [1.3, -0.6], [-1.2, 1.1],
                  [1.9, 0.8], [-0.9, 0.5], [-0.1, -2.5], [-0.3, -0.5]])
    centres, labels = ref.kmeans(X, 4, np.random.default_rng(0))
    c2, l2 = brute_kmeans(X, 4, np.random.default_rng(0))
    assert np.isfinite(centres).all()
    assert len(set(labels.tolist())) < 4  # the empty cluster really happens
    np.testing.assert_allclose(centres, c2, atol=1e-12)
    centres, labels = ref.kmeans(X, len(X), np.random.default_rng(3))
    np.testing.assert_array_equal(np.sort(labels), np.arange(len(X)))
    np.testing.assert_array_equal(centres[labels], X)


def test_inertia_close_to_sklearn_if_available():
    cluster = pytest.importorskip("sklearn.cluster")
    for seed in range(5):
        X, k = random_data(seed + 100)
        centres, labels = ref.kmeans(X, k, np.random.default_rng(seed))
        ours = ((X - centres[labels]) ** 2).sum()
        theirs = cluster.KMeans(k, n_init=10, random_state=seed).fit(X).inertia_
        # A single k-means++ run can land in a worse local minimum than the best of 10.
        assert ours <= 1.5 * theirs + 1e-9
