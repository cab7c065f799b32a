import numpy as np

from onsite.judge.cases import case


def blobs(seed, per=15, d=2):
    g = np.random.default_rng(seed)
    centres = np.array([[0.0, 0.0], [3.0, 0.5], [1.0, 3.0]])[:, :d]
    X = np.concatenate([c + g.standard_normal((per, d)) for c in centres])
    y = np.repeat(np.array([4, 9, 2]), per)
    perm = g.permutation(len(X))
    return X[perm], y[perm], g.uniform(-1, 4, (10, d))


def run(sub, X, y, Q, k):
    return {"neighbors": np.asarray(sub.knn_neighbors(X, Q, k), dtype=np.int64),
            "pred": np.asarray(sub.knn_predict(X, y, Q, k), dtype=np.int64)}


@case("three blobs, k=5, non-contiguous labels", atol=0, rtol=0)
def basic(sub):
    return run(sub, *blobs(0), 5)


@case("k=1 (the query's nearest training point)", atol=0, rtol=0)
def one(sub):
    return run(sub, *blobs(1), 1)


@case("distance ties on an integer grid: lower index first", atol=0, rtol=0)
def distance_ties(sub):
    # 40 grid points (rows long enough that an unstable sort may reorder ties), many
    # equidistant from each query.
    g = np.random.default_rng(2)
    X = g.integers(-3, 4, (40, 2)).astype(np.float64)
    y = g.integers(0, 4, 40)
    Q = np.array([[0.0, 0.0], [1.0, -1.0], [2.0, 2.0], [-3.0, 0.0]])
    return run(sub, X, y, Q, 6)


@case("vote ties go to the smallest label", atol=0, rtol=0)
def vote_ties(sub):
    X = np.array([[0.0], [1.0], [-1.0], [2.0], [-2.0], [10.0]])
    y = np.array([8, 5, 8, 5, 1, 1])
    Q = np.array([[0.0], [0.2], [-0.2], [9.0]])
    return {f"{name} (k={k})": v for k in (2, 4, 6) for name, v in run(sub, X, y, Q, k).items()}


@case("k = N: the overall majority for every query", atol=0, rtol=0)
def all_points(sub):
    X, y, Q = blobs(3, per=4)
    y = y.copy()
    y[:2] = 2  # 2 now has the most votes overall
    return run(sub, X, y, Q, len(X))


@case("queries equal to training points, D=3", atol=0, rtol=0)
def exact_hits(sub):
    g = np.random.default_rng(4)
    X = g.standard_normal((20, 3))
    y = g.integers(0, 3, 20)
    return run(sub, X, y, X[[5, 0, 19]].copy(), 3)


@case("a single query and a single training point", atol=0, rtol=0)
def tiny(sub):
    return run(sub, np.array([[1.0, 2.0]]), np.array([6]), np.array([[-4.0, 0.5]]), 1)
