import numpy as np

from onsite.judge.cases import case


def mixture(seed, n=90, d=2, k=3, spread=4.0):
    g = np.random.default_rng(seed)
    centres = g.normal(0, spread, (k, d))
    scales = g.uniform(0.5, 1.5, (k, d))
    z = g.integers(0, k, n)
    X = centres[z] + scales[z] * g.standard_normal((n, d))
    # A deliberately rough starting point: perturbed centres, unit variances, uneven weights.
    weights = g.dirichlet(np.full(k, 5.0))
    means = centres + g.normal(0, 1.0, (k, d))
    variances = g.uniform(0.5, 2.0, (k, d))
    return X, weights, means, variances


def step(sub, X, w, mu, var, reg=1e-6):
    args = [a.copy() for a in (X, w, mu, var)]
    new_w, new_mu, new_var, ll = sub.em_step(*args, reg=reg)
    log_resp, ll_e = sub.e_step(*[a.copy() for a in (X, w, mu, var)])
    return {"weights": np.asarray(new_w), "means": np.asarray(new_mu), "variances": np.asarray(new_var),
            "log_likelihood": float(ll), "log_resp": np.asarray(log_resp),
            "e_step_log_likelihood": float(ll_e)}


# Sums of ~100 float64 terms: 1e-9 relative leaves room for a different summation order.


@case("K=3, D=2, N=90", atol=1e-9, rtol=1e-9)
def basic(sub):
    return step(sub, *mixture(0))


@case("K=2, D=1 and the prompt's example", atol=1e-9, rtol=1e-9)
def small(sub):
    X = np.array([[0.0], [1.0], [10.0]])
    out = {f"{k} (example)": v for k, v in step(sub, X, np.array([0.5, 0.5]), np.array([[0.0], [10.0]]),
                                                 np.array([[1.0], [1.0]]), reg=0.0).items()}
    out.update({f"{k} (K=2, D=1)": v for k, v in step(sub, *mixture(1, n=40, d=1, k=2)).items()})
    return out


@case("one component: the Gaussian maximum-likelihood fit", atol=1e-9, rtol=1e-9)
def one_component(sub):
    X, _, means, variances = mixture(2, n=50, d=3, k=1)
    return step(sub, X, np.array([1.0]), means, variances, reg=0.0)


@case("points 100 sigma from every component: log space is required", atol=1e-7, rtol=1e-9)
def far_points(sub):
    # Log joints of order -5e3 to -1e5; 1e-7 absolute on the log-likelihood is ~1e-12 relative.
    X, w, mu, var = mixture(3, n=60)
    X = np.vstack([X, [[400.0, -350.0], [-500.0, 20.0], [60.0, 900.0]]])
    return step(sub, X, w, mu, var)


@case("D=4 with different scales, reg 1e-3", atol=1e-9, rtol=1e-9)
def scales(sub):
    X, w, mu, var = mixture(4, n=80, d=4, k=3)
    s = np.array([1.0, 10.0, 0.1, 3.0])
    return step(sub, X * s, w, mu * s, var * s ** 2, reg=1e-3)


@case("three EM steps chained: the log-likelihood increases", atol=1e-8, rtol=1e-8)
def chained(sub):
    X, w, mu, var = mixture(5, n=70)
    lls = []
    for _ in range(3):
        w, mu, var, ll = sub.em_step(X, np.asarray(w), np.asarray(mu), np.asarray(var))
        lls.append(float(ll))
    return {"log_likelihoods": lls, "weights": np.asarray(w), "means": np.asarray(mu),
            "variances": np.asarray(var)}
