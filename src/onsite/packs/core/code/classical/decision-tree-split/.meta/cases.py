import numpy as np

from onsite.judge.cases import case


def split(sub, X, y, criterion):
    feature, threshold, gain = sub.best_split(X.copy(), y.copy(), criterion)
    return {"feature": int(feature), "threshold": float(threshold), "gain": float(gain)}


def both(sub, X, y):
    out = {f"{k} (gini)": v for k, v in split(sub, X, y, "gini").items()}
    out.update({f"{k} (entropy)": v for k, v in split(sub, X, y, "entropy").items()})
    return out


def data(seed, n=40, d=4, classes=3):
    g = np.random.default_rng(seed)
    X = np.round(g.normal(0, 2, (n, d)), 1)
    y = (X[:, 1] + 0.5 * X[:, 2] + g.normal(0, 1, n) > 0).astype(np.int64)
    if classes > 2:
        y = y + (X[:, 3] > 1.0)
    return X, y


@case("impurity values", atol=1e-12, rtol=1e-12)
def impurities(sub):
    ys = {"balanced2": [0, 1, 0, 1], "skewed": [3, 3, 3, 7], "three": [0, 1, 2, 2, 2, 1],
          "pure": [5, 5, 5], "single": [4]}
    out = {}
    for name, y in ys.items():
        y = np.array(y)
        out[f"gini {name}"] = float(sub.impurity(y, "gini"))
        out[f"entropy {name}"] = float(sub.impurity(y, "entropy"))
    return out


@case("the prompt's example", atol=1e-12, rtol=1e-12)
def example(sub):
    X = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 6.0], [4.0, 6.0]])
    return both(sub, X, np.array([0, 0, 1, 1]))


@case("N=40, D=4, three classes", atol=1e-12, rtol=1e-10)
def basic(sub):
    return both(sub, *data(0))


@case("N=60, D=6, two classes", atol=1e-12, rtol=1e-10)
def two_classes(sub):
    return both(sub, *data(1, n=60, d=6, classes=2))


@case("duplicate columns: the smaller feature index wins", atol=1e-12, rtol=1e-10)
def duplicate_columns(sub):
    X, y = data(2, n=30, d=4)
    X = X[:, [3, 1, 2, 1, 0]]  # features 1 and 3 are identical
    return both(sub, X, y)


@case("symmetric labels: the smaller threshold wins", atol=1e-12, rtol=1e-10)
def symmetric(sub):
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([1, 0, 0, 0, 0, 1])
    return both(sub, X, y)


@case("constant columns are skipped; all constant gives (-1, nan, 0)", atol=1e-12, rtol=1e-10)
def constant(sub):
    X, y = data(3, n=20, d=3, classes=2)
    X = X.copy()
    X[:, 0] = 7.0
    out = {f"{k} (one constant)": v for k, v in both(sub, X, y).items()}
    flat = both(sub, np.ones((5, 2)), np.array([0, 1, 0, 1, 1]))
    out.update({f"{k} (all constant)": v for k, v in flat.items()})
    out.update({f"{k} (N=1)": v for k, v in both(sub, np.array([[3.0, 1.0]]), np.array([2])).items()})
    return out


@case("a pure node: gain 0, first candidate", atol=1e-12, rtol=1e-10)
def pure(sub):
    X, _ = data(4, n=10, d=3, classes=2)
    return both(sub, X, np.full(10, 3))


@case("repeated values and many classes (N=200)", atol=1e-12, rtol=1e-10)
def repeated(sub):
    g = np.random.default_rng(5)
    X = g.integers(0, 6, (200, 3)).astype(np.float64)
    y = (X[:, 0] + g.integers(0, 3, 200)) % 5
    return both(sub, X, y.astype(np.int64))
