"""classical/gmm-em-step: the reference E-step against torch.distributions
(MixtureSameFamily / Independent Normal) and the M-step against plain-Python weighted sums;
plus EM's monotone likelihood."""

import numpy as np
import pytest
import torch
from itemload import reference, wrong

ITEM = "classical/gmm-em-step"
ref = reference(ITEM)
D_ = torch.distributions


def torch_e_step(X, weights, means, variances):
    comps = D_.Independent(D_.Normal(torch.from_numpy(means), torch.from_numpy(variances).sqrt()), 1)
    x = torch.from_numpy(X)[:, None, :]
    log_joint = comps.log_prob(x) + torch.from_numpy(weights).log()  # (N, K)
    mixture = D_.MixtureSameFamily(D_.Categorical(probs=torch.from_numpy(weights)), comps)
    return torch.log_softmax(log_joint, dim=1).numpy(), mixture.log_prob(torch.from_numpy(X)).sum().item()


def loop_m_step(X, resp, reg):
    N, D = X.shape
    K = resp.shape[1]
    w, mu, var = [], [], []
    for k in range(K):
        nk = sum(resp[n, k] for n in range(N))
        m = [sum(resp[n, k] * X[n, d] for n in range(N)) / nk for d in range(D)]
        v = [sum(resp[n, k] * (X[n, d] - m[d]) ** 2 for n in range(N)) / nk + reg for d in range(D)]
        w.append(nk / N)
        mu.append(m)
        var.append(v)
    return np.array(w), np.array(mu), np.array(var)


def problem(seed, far=False, n=None):
    g = np.random.default_rng(seed)
    K, D, N = int(g.integers(1, 5)), int(g.integers(1, 4)), int(g.integers(5, 40))
    N = N if n is None else n
    centres = g.normal(0, 4, (K, D))
    X = centres[g.integers(0, K, N)] + g.standard_normal((N, D))
    if far:
        X = np.vstack([X, g.normal(0, 300, (2, D))])
    return X, g.dirichlet(np.full(K, 3.0)), centres + g.normal(0, 1, (K, D)), g.uniform(0.5, 2, (K, D))


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("far", [False, True])
def test_matches_torch_and_loops(seed, far):
    X, w, mu, var = problem(seed, far)
    log_resp, ll = ref.e_step(X, w, mu, var)
    t_log_resp, t_ll = torch_e_step(X, w, mu, var)
    assert np.all(np.isfinite(log_resp))
    np.testing.assert_allclose(log_resp, t_log_resp, atol=1e-8, rtol=1e-9)
    assert ll == pytest.approx(t_ll, rel=1e-10)
    new_w, new_mu, new_var, ll2 = ref.em_step(X, w, mu, var, reg=1e-4)
    lw, lmu, lvar = loop_m_step(X, np.exp(t_log_resp), 1e-4)
    assert ll2 == ll
    np.testing.assert_allclose(new_w, lw, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(new_mu, lmu, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(new_var, lvar, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("seed", range(10))
def test_likelihood_never_decreases(seed):
    # Enough points per component that none collapses onto a single point (reg = 0 here).
    X, w, mu, var = problem(seed, n=200)
    previous = -np.inf
    for _ in range(15):
        w, mu, var, ll = ref.em_step(X, w, mu, var, reg=0.0)
        assert ll >= previous - 1e-9
        previous = ll


@pytest.mark.parametrize("name", ["linear_space_responsibilities", "variance_around_old_means",
                                  "weights_not_normalised", "likelihood_after_update", "variance_over_n",
                                  "missing_two_pi", "std_in_quadratic"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    X, w, mu, var = problem(3, far=True)
    X, w, mu, var = np.vstack([X, X + 1.0]), w, mu, var
    _, t_ll = torch_e_step(X, w, mu, var)
    resp = np.exp(torch_e_step(X, w, mu, var)[0])
    lw, lmu, lvar = loop_m_step(X, resp, 1e-6)
    with np.errstate(all="ignore"):
        got = bad.em_step(X, w, mu, var, reg=1e-6)
    want = (lw, lmu, lvar, t_ll)
    assert not all(np.allclose(a, b, rtol=1e-7, atol=1e-9) for a, b in zip(got, want, strict=True))
