"""classical/gaussian-naive-bayes: the vectorised reference against a plain-Python oracle
(loops and math.log), with densities from torch.distributions.Normal."""

import math

import numpy as np
import pytest
import torch
from itemload import reference, wrong

ITEM = "classical/gaussian-naive-bayes"
ref = reference(ITEM)


def oracle(X, y, Q, var_smoothing):
    rows, labels = X.tolist(), y.tolist()
    n, d = len(rows), len(rows[0])
    col_means = [sum(r[j] for r in rows) / n for j in range(d)]
    eps = var_smoothing * max(sum((r[j] - col_means[j]) ** 2 for r in rows) / n for j in range(d))
    classes = sorted(set(labels))
    priors, means, variances = [], [], []
    for c in classes:
        members = [r for r, lab in zip(rows, labels, strict=True) if lab == c]
        mu = [sum(r[j] for r in members) / len(members) for j in range(d)]
        priors.append(len(members) / n)
        means.append(mu)
        variances.append([sum((r[j] - mu[j]) ** 2 for r in members) / len(members) + eps for j in range(d)])
    normal = torch.distributions.Normal(torch.tensor(means, dtype=torch.float64),
                                        torch.tensor(variances, dtype=torch.float64).sqrt())
    log_proba = []
    for q in Q.tolist():
        dens = normal.log_prob(torch.tensor(q, dtype=torch.float64)).sum(-1).tolist()  # (C,)
        joint = [math.log(p) + v for p, v in zip(priors, dens, strict=True)]
        top = max(joint)
        lse = top + math.log(sum(math.exp(j - top) for j in joint))
        log_proba.append([j - lse for j in joint])
    return classes, priors, means, variances, np.array(log_proba)


def problem(seed):
    g = np.random.default_rng(seed)
    c, d = int(g.integers(2, 5)), int(g.integers(1, 5))
    labels = g.choice(np.arange(-3, 20), c, replace=False)
    per = g.integers(2, 15, c)
    X = np.concatenate([g.normal(g.normal(0, 3, d), g.uniform(0.3, 2, d), (k, d)) for k in per])
    y = np.repeat(labels, per)
    Q = np.concatenate([g.normal(0, 4, (6, d)), g.normal(0, 300, (2, d))])  # two far-away queries
    return X, y, Q


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("var_smoothing", [1e-9, 1e-2])
def test_matches_oracle(seed, var_smoothing):
    X, y, Q = problem(seed)
    classes, priors, means, variances = ref.gnb_fit(X, y, var_smoothing)
    c2, p2, m2, v2, lp2 = oracle(X, y, Q, var_smoothing)
    np.testing.assert_array_equal(classes, c2)
    np.testing.assert_allclose(priors, p2, rtol=1e-14)
    np.testing.assert_allclose(means, m2, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(variances, v2, rtol=1e-10)
    lp = ref.gnb_predict_log_proba(Q, classes, priors, means, variances)
    assert np.all(np.isfinite(lp))
    np.testing.assert_allclose(lp, lp2, rtol=1e-9, atol=1e-8)
    np.testing.assert_array_equal(ref.gnb_predict(Q, classes, priors, means, variances),
                                  np.array(c2)[np.argmax(lp2, axis=1)])


@pytest.mark.parametrize("name", ["unbiased_variance", "absolute_smoothing", "uniform_priors",
                                  "linear_space_normalisation", "std_in_quadratic", "per_class_smoothing",
                                  "missing_log_norm"])
def test_wrong_variants_disagree_with_oracle(name):
    bad = wrong(ITEM, name)
    X, y, Q = problem(3)
    X = X * 10.0
    *_, lp2 = oracle(X, y, Q * 10.0, 0.05)
    with np.errstate(all="ignore"):
        lp = bad.gnb_predict_log_proba(Q * 10.0, *bad.gnb_fit(X, y, 0.05))
    assert not np.allclose(lp, lp2, rtol=1e-6, atol=1e-6)
