import numpy as np

from onsite.judge.cases import case


def two_models(n, *, seed, acc_a=0.75, acc_b=0.7, shared=0.6):
    """Correctness of two correlated models: with probability `shared` both see the same coin."""
    g = np.random.default_rng(seed)
    common = g.random(n)
    same = g.random(n) < shared
    a = np.where(same, common, g.random(n)) < acc_a
    b = np.where(same, common, g.random(n)) < acc_b
    return a, b


def run(sub, a, b, **kwargs):
    diff, low, high = sub.paired_bootstrap_ci(a.copy(), b.copy(), **kwargs)
    return {"difference": float(diff), "low": float(low), "high": float(high)}


# Means of 0/1 vectors and linear interpolation: exact up to float rounding.


@case("bootstrap differences: the stated draw, paired", atol=1e-12, rtol=1e-12)
def differences(sub):
    a, b = two_models(50, seed=0)
    return {"diffs": np.asarray(sub.bootstrap_differences(a, b, 200, 7), dtype=np.float64)}


@case("95% interval, n=300 boolean correctness, B=1000", atol=1e-12, rtol=1e-12)
def basic(sub):
    a, b = two_models(300, seed=1)
    return run(sub, a, b, n_boot=1000, alpha=0.05, seed=3)


@case("90% interval, integer 0/1 inputs", atol=1e-12, rtol=1e-12)
def ninety(sub):
    a, b = two_models(120, seed=2, acc_a=0.6, acc_b=0.65)
    return run(sub, a.astype(np.int64), b.astype(np.int64), n_boot=500, alpha=0.1, seed=11)


@case("continuous per-example scores (interpolation matters)", atol=1e-12, rtol=1e-12)
def continuous(sub):
    g = np.random.default_rng(4)
    base = g.random(80)
    a = np.clip(base + g.normal(0.05, 0.1, 80), 0, 1)
    b = np.clip(base + g.normal(0.0, 0.1, 80), 0, 1)
    out = run(sub, a, b, n_boot=999, alpha=0.05, seed=5)
    out["diffs_head"] = np.asarray(sub.bootstrap_differences(a, b, 999, 5))[:20]
    return out


@case("identical models: every difference is 0", atol=1e-15, rtol=0.0)
def identical(sub):
    a, _ = two_models(40, seed=6)
    return run(sub, a, a.copy(), n_boot=300, seed=1)


@case("the prompt's example and a single example (n=1)", atol=1e-12, rtol=1e-12)
def tiny(sub):
    out = {f"{k} (example)": v for k, v in run(sub, np.array([1, 1, 0, 1]), np.array([0, 1, 0, 1]),
                                               n_boot=2, alpha=0.5, seed=0).items()}
    out.update({f"{k} (n=1)": v for k, v in run(sub, np.array([1]), np.array([0]), n_boot=5,
                                               seed=2).items()})
    return out


@case("B is not fixed: n_boot=37, seed 123", atol=1e-12, rtol=1e-12)
def odd_b(sub):
    a, b = two_models(25, seed=8, acc_a=0.5, acc_b=0.55)
    out = run(sub, a, b, n_boot=37, alpha=0.2, seed=123)
    out["diffs"] = np.asarray(sub.bootstrap_differences(a, b, 37, 123))
    return out
