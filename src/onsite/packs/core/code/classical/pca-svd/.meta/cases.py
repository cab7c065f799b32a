import numpy as np

from onsite.judge.cases import case


def correlated(n, d, *, seed, offset=0.0, scales=None):
    g = np.random.default_rng(seed)
    scales = np.linspace(3.0, 0.3, d) if scales is None else np.asarray(scales)
    Q, _ = np.linalg.qr(g.standard_normal((d, d)))
    X = (g.standard_normal((n, d)) * scales) @ Q.T + offset + g.standard_normal(d)
    return X, g.standard_normal((4, d)) * 2 + offset


def run(sub, X, k, X_new):
    mean, comps, var, ratio = sub.pca_fit(X.copy(), k)
    comps = np.asarray(comps, dtype=np.float64)
    Z = np.asarray(sub.pca_transform(X_new, np.asarray(mean), comps))
    return {"mean": np.asarray(mean), "components": comps, "explained_variance": np.asarray(var),
            "explained_variance_ratio": np.asarray(ratio), "Z_new": Z,
            "reconstruction": np.asarray(sub.pca_inverse_transform(Z, np.asarray(mean), comps))}


# SVD results agree across implementations to ~1e-12 relative when singular values are
# well separated, as they are in every case below.


@case("N=60, D=5, k=2", atol=1e-9, rtol=1e-8)
def basic(sub):
    X, X_new = correlated(60, 5, seed=0)
    return run(sub, X, 2, X_new)


@case("all components (k = D): ratios sum to 1", atol=1e-9, rtol=1e-8)
def full(sub):
    X, X_new = correlated(40, 4, seed=1)
    return run(sub, X, 4, X_new)


@case("data far from the origin (offset 100)", atol=1e-8, rtol=1e-8)
def offset(sub):
    X, X_new = correlated(50, 3, seed=2, offset=100.0)
    return run(sub, X, 2, X_new)


@case("wide data (N=8 < D=12), k=3", atol=1e-9, rtol=1e-8)
def wide(sub):
    g = np.random.default_rng(3)
    X = g.standard_normal((8, 12)) * np.linspace(2.0, 0.5, 12)
    return run(sub, X, 3, g.standard_normal((3, 12)))


@case("k=1 and the prompt's example", atol=1e-10, rtol=1e-9)
def small(sub):
    X = np.array([[2.0, 0.0], [0.0, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, -1.0]])
    out = {f"{k} (example)": v for k, v in run(sub, X, 2, np.array([[1.0, 1.0]])).items()}
    Y, Y_new = correlated(30, 6, seed=4)
    out.update({f"{k} (k=1)": v for k, v in run(sub, Y, 1, Y_new).items()})
    return out


@case("sign convention: components whose largest entry would come out negative", atol=1e-9, rtol=1e-8)
def signs(sub):
    # The dominant directions point towards negative coordinates; whatever sign LAPACK
    # returns, the flipped result is unique.
    g = np.random.default_rng(5)
    directions = np.array([[-0.8, 0.6, 0.0], [0.0, 0.0, -1.0], [0.6, 0.8, 0.0]])
    X = (g.standard_normal((40, 3)) * np.array([4.0, 2.0, 0.5])) @ directions
    return run(sub, X, 3, g.standard_normal((2, 3)))


@case("two examples (N=2), k=1", atol=1e-10, rtol=1e-9)
def two_rows(sub):
    X = np.array([[1.0, 2.0, -1.0], [3.0, -2.0, 0.0]])
    return run(sub, X, 1, np.array([[0.0, 0.0, 0.0]]))
