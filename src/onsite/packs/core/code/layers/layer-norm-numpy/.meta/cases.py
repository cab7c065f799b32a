import numpy as np

from onsite.judge.cases import case


def params(D, rng, dtype=np.float64):
    # gamma away from 1 and beta away from 0, so forgetting either shows.
    gamma = (1.0 + 0.5 * rng.standard_normal(D)).astype(dtype)
    beta = (0.3 * rng.standard_normal(D)).astype(dtype)
    return gamma, beta


def run(sub, x, gamma, beta, rng, **kwargs):
    """Forward, then backward with a seeded upstream gradient; returns every observable."""
    y, cache = sub.layer_norm_forward(x, gamma, beta, **kwargs)
    dy = rng.standard_normal(x.shape).astype(x.dtype)
    dx, dgamma, dbeta = sub.layer_norm_backward(dy, cache)
    return {"y": y, "dx": dx, "dgamma": dgamma, "dbeta": dbeta}


def standard(seed, shape, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = (2.0 * rng.standard_normal(shape) + 0.5).astype(dtype)
    return x, *params(shape[-1], rng, dtype), rng


@case("2-D input (6, 10)", atol=1e-10, rtol=1e-8)
def two_d(sub):
    x, gamma, beta, rng = standard(0, (6, 10))
    return run(sub, x, gamma, beta, rng)


@case("3-D input (2, 5, 8): gamma/beta grads sum over both leading axes",
      atol=1e-10, rtol=1e-8)
def three_d(sub):
    x, gamma, beta, rng = standard(1, (2, 5, 8))
    return run(sub, x, gamma, beta, rng)


@case("4-D input (2, 3, 4, 6)", atol=1e-10, rtol=1e-8)
def four_d(sub):
    x, gamma, beta, rng = standard(2, (2, 3, 4, 6))
    return run(sub, x, gamma, beta, rng)


@case("1-D input (D,) = a single vector", atol=1e-10, rtol=1e-8)
def one_d(sub):
    x, gamma, beta, rng = standard(3, (9,))
    return run(sub, x, gamma, beta, rng)


@case("D=1: y equals beta and dx is zero", atol=1e-10, rtol=1e-8)
def d_one(sub):
    x, gamma, beta, rng = standard(4, (5, 1))
    return run(sub, x, gamma, beta, rng)


@case("near-constant rows (variance 1e-6) and one constant row: eps matters",
      atol=1e-10, rtol=1e-8)
def tiny_variance(sub):
    rng = np.random.default_rng(5)
    x = 3.0 + 1e-3 * rng.standard_normal((4, 12))
    x[2] = -1.5  # a constant row: variance exactly 0
    return run(sub, x, *params(12, rng), rng)


@case("eps=1e-2 passed explicitly", atol=1e-10, rtol=1e-8)
def custom_eps(sub):
    rng = np.random.default_rng(6)
    x = 0.2 * rng.standard_normal((3, 8))
    return run(sub, x, *params(8, rng), rng, eps=1e-2)


# Rows shifted by up to 1e6: the float64 spacing near 1e6 is about 1e-10, which
# bounds how well any implementation can centre the data, hence atol 1e-8.
@case("large offsets (x + 1e4 ... 1e6), float64", atol=1e-8, rtol=1e-7)
def large_offsets(sub):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((4, 16)) + np.array([1e4, -1e4, 1e5, 1e6])[:, None]
    return run(sub, x, *params(16, rng), rng)


@case("float32 in, float32 out", atol=1e-5, rtol=1e-4, strict_dtype=True)
def float32(sub):
    x, gamma, beta, rng = standard(8, (3, 4, 10), dtype=np.float32)
    return run(sub, x, gamma, beta, rng)
