import numpy as np

from onsite.judge.cases import case


def data(n, d, *, seed, sep=1.0, bias=0.0):
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, d))
    w_true = g.standard_normal(d) * sep
    p = 1 / (1 + np.exp(-(X @ w_true + bias)))
    y = (g.random(n) < p).astype(np.int64)
    X_new = g.standard_normal((6, d))
    return X, y, X_new


def train(sub, X, y, X_new, **kwargs):
    w, b, losses = sub.logistic_regression_gd(X.copy(), y.copy(), **kwargs)
    w = np.asarray(w, dtype=np.float64)
    return {"w": w, "b": float(b), "losses": np.asarray(losses, dtype=np.float64),
            "proba_new": np.asarray(sub.predict_proba(X_new, w, float(b)))}


@case("N=80, D=3, lr 0.5, 40 steps, no L2", atol=1e-10, rtol=1e-8)
def basic(sub):
    X, y, X_new = data(80, 3, seed=0)
    return train(sub, X, y, X_new, lr=0.5, steps=40)


@case("with L2 = 0.1 (the bias stays unregularised)", atol=1e-10, rtol=1e-8)
def with_l2(sub):
    X, y, X_new = data(60, 4, seed=1, bias=1.5)
    return train(sub, X, y, X_new, lr=0.3, steps=60, l2=0.1)


@case("imbalanced labels: the bias carries the base rate", atol=1e-10, rtol=1e-8)
def imbalanced(sub):
    X, y, X_new = data(100, 2, seed=2, sep=0.5, bias=-2.5)
    return train(sub, X, y, X_new, lr=1.0, steps=30, l2=0.01)


@case("one step and zero steps", atol=1e-12, rtol=1e-10)
def one_and_zero(sub):
    X, y, X_new = data(10, 3, seed=3)
    out = {f"{k} (1 step)": v for k, v in train(sub, X, y, X_new, lr=0.7, steps=1, l2=0.5).items()}
    w, b, losses = sub.logistic_regression_gd(X.copy(), y.copy(), lr=0.7, steps=0)
    out["w (0 steps)"] = np.asarray(w, dtype=np.float64)
    out["b (0 steps)"] = float(b)
    out["len(losses) (0 steps)"] = len(losses)
    return out


@case("separable data, large lr: logits beyond 40 must not give inf or nan", atol=1e-9, rtol=1e-8)
def separable(sub):
    g = np.random.default_rng(4)
    X = np.concatenate([g.normal(3.0, 0.5, (15, 2)), g.normal(-3.0, 0.5, (15, 2))])
    y = np.array([1] * 15 + [0] * 15)
    X_new = np.array([[20.0, 20.0], [-20.0, -20.0], [0.1, -0.2]])
    return train(sub, X, y, X_new, lr=50.0, steps=25)


@case("predict_proba at extreme logits (+/-1000)", atol=1e-15, rtol=1e-12)
def extreme_proba(sub):
    X = np.array([[1000.0], [-1000.0], [0.0], [30.0], [-30.0]])
    return {"proba": np.asarray(sub.predict_proba(X, np.array([1.0]), 0.0))}


@case("the example from the prompt", atol=1e-12, rtol=1e-10)
def prompt_example(sub):
    X = np.array([[1.0], [2.0], [-1.0], [-2.0]])
    y = np.array([1, 1, 0, 0])
    return train(sub, X, y, np.array([[0.5], [-3.0]]), lr=0.5, steps=2)
