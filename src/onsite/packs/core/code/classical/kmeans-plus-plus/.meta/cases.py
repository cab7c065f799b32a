import numpy as np

from onsite.judge.cases import case


def blobs(centres, per, spread, seed):
    """Gaussian blobs around the given centres, shuffled so clusters are not contiguous."""
    g = np.random.default_rng(seed)
    centres = np.asarray(centres, dtype=np.float64)
    X = np.concatenate([c + spread * g.standard_normal((per, centres.shape[1])) for c in centres])
    return X[g.permutation(len(X))]


def fit(sub, X, k, seed, **kwargs):
    centres, labels = sub.kmeans(X, k, np.random.default_rng(seed), **kwargs)
    centres = np.asarray(centres)
    labels = np.asarray(labels)
    inertia = float(((X - centres[labels]) ** 2).sum())
    return {"centres": centres, "labels": labels, "inertia": inertia}


THREE_BLOBS = blobs([[0.0, 0.0], [8.0, 1.0], [3.0, 9.0]], per=20, spread=0.7, seed=0)


@case("k-means++ seeding: which points are picked", atol=0.0, rtol=0.0)
def seeding(sub):
    # Seeds are rows of X chosen by the specified draws, so they match exactly.
    X = blobs([[0.0, 0.0, 0.0], [5.0, 5.0, 0.0], [0.0, 5.0, 5.0], [5.0, 0.0, 5.0]],
              per=10, spread=1.5, seed=1)
    return {
        "seeds_k4": sub.kmeans_pp_init(X, 4, np.random.default_rng(11)),
        "seeds_k7": sub.kmeans_pp_init(X, 7, np.random.default_rng(12)),
    }


@case("three well-separated blobs (2-D)", atol=1e-10, rtol=1e-10, strict_dtype=True)
def three_blobs(sub):
    # Tolerances leave room for a different summation order in the means.
    return fit(sub, THREE_BLOBS, 3, seed=2)


@case("k=1: the centre is the mean", atol=1e-10, rtol=1e-10)
def one_cluster(sub):
    return fit(sub, THREE_BLOBS, 1, seed=3)


@case("k=N: every point is its own centre", atol=1e-12, rtol=1e-12)
def every_point(sub):
    g = np.random.default_rng(4)
    X = g.standard_normal((6, 2))
    return fit(sub, X, 6, seed=5)


@case("duplicated points (3 locations, 5 copies each)", atol=1e-12, rtol=1e-12)
def duplicates(sub):
    locations = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 3.0]])
    g = np.random.default_rng(6)
    X = np.repeat(locations, 5, axis=0)[g.permutation(15)]
    return fit(sub, X, 3, seed=7)


@case("a point equidistant from two centres joins the lower index", atol=1e-12, rtol=1e-12)
def tie(sub):
    # Integer coordinates: the first assignment has an exact tie (the point at 3 sits
    # midway between the two seeds), whatever formula computes the distances.
    X = np.array([[0.0], [1.0], [2.0], [4.0], [5.0], [6.0], [3.0]])
    return fit(sub, X, 2, seed=0)


@case("1-D data, four clusters", atol=1e-10, rtol=1e-10)
def one_d(sub):
    X = blobs([[-6.0], [-1.0], [3.0], [10.0]], per=12, spread=0.8, seed=8)
    return fit(sub, X, 4, seed=9)


OVERLAPPING = blobs(np.random.default_rng(10).uniform(-2.0, 2.0, size=(5, 5)),
                    per=30, spread=1.0, seed=11)


@case("overlapping blobs, 5-D, k=5", atol=1e-10, rtol=1e-10)
def overlapping(sub):
    return fit(sub, OVERLAPPING, 5, seed=13)


@case("n_iter=2 stops early: labels belong to the returned centres", atol=1e-10, rtol=1e-10)
def early_stop(sub):
    return fit(sub, OVERLAPPING, 5, seed=13, n_iter=2)


@case("a cluster empties and keeps its centre", atol=1e-10, rtol=1e-10)
def empty_cluster(sub):
    # Found by search: from these seeds, cluster 3 loses all its points after the third
    # update. Every point's two nearest centres differ by > 0.17 in squared distance
    # throughout, so the path does not hinge on rounding.
    X = np.array([[1.5, 0.3], [1.4, -1.1], [1.3, -0.6], [-1.2, 1.1],
                  [1.9, 0.8], [-0.9, 0.5], [-0.1, -2.5], [-0.3, -0.5]])
    return fit(sub, X, 4, seed=0)
