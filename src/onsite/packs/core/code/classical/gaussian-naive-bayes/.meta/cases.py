import numpy as np

from onsite.judge.cases import case


def blobs(seed, d=2, per=(20, 30, 10), labels=(2, 7, 11)):
    g = np.random.default_rng(seed)
    centres = g.normal(0, 3, (len(per), d))
    scales = g.uniform(0.5, 2.0, (len(per), d))
    X = np.concatenate([c + s * g.standard_normal((n, d))
                        for c, s, n in zip(centres, scales, per, strict=True)])
    y = np.repeat(np.array(labels), per)
    perm = g.permutation(len(X))
    return X[perm], y[perm], g.normal(0, 4, (8, d))


def run(sub, X, y, Q, var_smoothing=1e-9):
    classes, priors, means, variances = sub.gnb_fit(X.copy(), y.copy(), var_smoothing)
    params = [np.asarray(p) for p in (classes, priors, means, variances)]
    return {"classes": params[0].astype(np.int64), "priors": params[1], "means": params[2],
            "variances": params[3], "log_proba": np.asarray(sub.gnb_predict_log_proba(Q, *params)),
            "pred": np.asarray(sub.gnb_predict(Q, *params)).astype(np.int64)}


@case("three classes in 2-D, non-contiguous labels", atol=1e-10, rtol=1e-9)
def basic(sub):
    return run(sub, *blobs(0))


@case("five features, imbalanced classes", atol=1e-10, rtol=1e-9)
def imbalanced(sub):
    return run(sub, *blobs(1, d=5, per=(50, 5, 15)))


@case("a feature constant within a class: smoothing keeps it finite", atol=1e-9, rtol=1e-9)
def constant_feature(sub):
    X, y, Q = blobs(2, d=3)
    X = X.copy()
    X[y == 7, 1] = 4.0
    return run(sub, X, y, Q)


@case("var_smoothing 0.05 (eps scaled by the largest feature variance)", atol=1e-10, rtol=1e-9)
def smoothing(sub):
    X, y, Q = blobs(3, d=3)
    X = X * np.array([1.0, 30.0, 0.1])
    return run(sub, X, y, Q * np.array([1.0, 30.0, 0.1]), var_smoothing=0.05)


@case("far-away queries: joints near -1e4, log-posteriors finite", atol=1e-7, rtol=1e-10)
def far(sub):
    # The log-posteriors are differences of numbers of size ~1e4: 1e-7 absolute is ~1e-11 relative.
    X, y, _ = blobs(4)
    Q = np.array([[200.0, -150.0], [-300.0, 10.0], [50.0, 400.0]])
    return run(sub, X, y, Q)


@case("the prompt's example and a single feature", atol=1e-10, rtol=1e-9)
def example(sub):
    X = np.array([[0.0], [2.0], [10.0], [12.0]])
    y = np.array([5, 5, 9, 9])
    return run(sub, X, y, np.array([[4.0], [6.0], [-3.0]]), var_smoothing=0.1)


@case("two classes, labels negative and zero", atol=1e-10, rtol=1e-9)
def negative_labels(sub):
    return run(sub, *blobs(5, d=2, per=(12, 12), labels=(-1, 0)))
