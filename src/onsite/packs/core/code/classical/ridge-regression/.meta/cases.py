import numpy as np

from onsite.judge.cases import case


def data(n, d, *, seed, noise=0.3, offset=0.0, y_shift=0.0):
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, d)) + offset
    w_true = g.standard_normal(d)
    y = X @ w_true + 1.5 + y_shift + noise * g.standard_normal(n)
    X_new = g.standard_normal((5, d)) + offset
    return X, y, X_new


def fit(sub, X, y, lam, X_new):
    w, b = sub.ridge_fit(X.copy(), y.copy(), lam)
    w = np.asarray(w, dtype=np.float64)
    return {"w": w, "b": float(b), "pred_new": np.asarray(sub.ridge_predict(X_new, w, b))}


@case("N=40, D=4, lam=2", atol=1e-10, rtol=1e-8)
def basic(sub):
    X, y, X_new = data(40, 4, seed=0)
    return fit(sub, X, y, 2.0, X_new)


@case("lam = 0 is ordinary least squares", atol=1e-10, rtol=1e-8)
def ols(sub):
    X, y, X_new = data(30, 3, seed=1)
    return fit(sub, X, y, 0.0, X_new)


@case("targets shifted by +1000: only the intercept moves", atol=1e-9, rtol=1e-10)
def shifted_targets(sub):
    # A penalised intercept is pulled towards 0, so it also changes w here.
    X, y, X_new = data(25, 3, seed=2, y_shift=1000.0)
    return fit(sub, X, y, 5.0, X_new)


@case("features far from the origin (offset 50)", atol=1e-8, rtol=1e-8)
def offset_features(sub):
    X, y, X_new = data(30, 3, seed=3, offset=50.0)
    return fit(sub, X, y, 1.0, X_new)


@case("more features than examples (D=12 > N=6), lam=0.5", atol=1e-10, rtol=1e-8)
def wide(sub):
    X, y, X_new = data(6, 12, seed=4)
    return fit(sub, X, y, 0.5, X_new)


@case("huge lam: w shrinks towards 0, b towards mean(y)", atol=1e-12, rtol=1e-8)
def huge_lam(sub):
    X, y, X_new = data(20, 3, seed=5, y_shift=7.0)
    return fit(sub, X, y, 1e8, X_new)


@case("a single example (N=1), lam=1: w = 0, b = y", atol=1e-12, rtol=1e-10)
def single(sub):
    X = np.array([[2.0, -1.0, 0.5]])
    y = np.array([4.2])
    return fit(sub, X, y, 1.0, np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 3.0]]))


@case("collinear columns, lam=0.1", atol=1e-9, rtol=1e-8)
def collinear(sub):
    X, y, X_new = data(20, 2, seed=6)
    X = np.column_stack([X, X[:, 0] - 2 * X[:, 1]])
    X_new = np.column_stack([X_new, X_new[:, 0] - 2 * X_new[:, 1]])
    return fit(sub, X, y, 0.1, X_new)
