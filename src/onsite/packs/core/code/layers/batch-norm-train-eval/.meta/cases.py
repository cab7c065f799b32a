import numpy as np

from onsite.judge.cases import case


def params(C, rng, dtype=np.float64):
    gamma = (1.0 + 0.5 * rng.standard_normal(C)).astype(dtype)
    beta = (0.3 * rng.standard_normal(C)).astype(dtype)
    rm = (0.5 * rng.standard_normal(C)).astype(dtype)
    rv = (0.5 + rng.random(C)).astype(dtype)
    return gamma, beta, rm, rv


def step(sub, x, gamma, beta, rm, rv, training, rng, prefix="", **kw):
    """One forward and backward; the running stats are read after the forward."""
    y, cache = sub.batchnorm_forward(x, gamma, beta, rm, rv, training, **kw)
    dy = rng.standard_normal(x.shape).astype(x.dtype)
    dx, dgamma, dbeta = sub.batchnorm_backward(dy, cache)
    return {f"{prefix}y": y, f"{prefix}running_mean": rm.copy(), f"{prefix}running_var": rv.copy(),
            f"{prefix}dx": dx, f"{prefix}dgamma": dgamma, f"{prefix}dbeta": dbeta}


def batch(shape, rng, dtype=np.float64, offset=0.5, scale=2.0):
    return (scale * rng.standard_normal(shape) + offset).astype(dtype)


@case("training, (N, C) = (8, 5)", atol=1e-10, rtol=1e-8)
def train_2d(sub):
    rng = np.random.default_rng(0)
    return step(sub, batch((8, 5), rng), *params(5, rng), True, rng)


@case("training, (N, C, L) = (4, 3, 6): statistics over N and L", atol=1e-10, rtol=1e-8)
def train_3d(sub):
    rng = np.random.default_rng(1)
    return step(sub, batch((4, 3, 6), rng), *params(3, rng), True, rng)


@case("eval mode: running statistics, untouched, constant in the backward",
      atol=1e-10, rtol=1e-8)
def eval_2d(sub):
    rng = np.random.default_rng(2)
    return step(sub, batch((6, 4), rng), *params(4, rng), False, rng)


@case("eval mode, (N, C, L)", atol=1e-10, rtol=1e-8)
def eval_3d(sub):
    rng = np.random.default_rng(3)
    return step(sub, batch((3, 4, 5), rng), *params(4, rng), False, rng)


@case("three training steps, then eval", atol=1e-10, rtol=1e-8)
def train_then_eval(sub):
    rng = np.random.default_rng(4)
    gamma, beta, rm, rv = params(3, rng)
    out = {}
    for t in range(3):
        out.update(step(sub, batch((5, 3, 2), rng, offset=t), gamma, beta, rm, rv, True, rng,
                        prefix=f"train{t}_"))
    out.update(step(sub, batch((4, 3, 2), rng), gamma, beta, rm, rv, False, rng, prefix="eval_"))
    return out


@case("momentum 0.3 and eps 1e-3", atol=1e-10, rtol=1e-8)
def custom(sub):
    rng = np.random.default_rng(5)
    return step(sub, batch((6, 4), rng), *params(4, rng), True, rng, momentum=0.3, eps=1e-3)


@case("batch of two: the unbiased factor is 2", atol=1e-10, rtol=1e-8)
def two(sub):
    rng = np.random.default_rng(6)
    return step(sub, batch((2, 3), rng), *params(3, rng), True, rng)


@case("a constant channel (variance 0) and large offsets (1e4)", atol=1e-8, rtol=1e-7)
def constant_and_offset(sub):
    # Values around 1e4: float64 spacing there is ~2e-12, which bounds how well
    # any implementation centres them; hence atol 1e-8.
    rng = np.random.default_rng(7)
    x = batch((6, 3), rng) + np.array([0.0, 1e4, 0.0])
    x[:, 2] = -3.0
    return step(sub, x, *params(3, rng), True, rng)


@case("float32 in, float32 out", atol=1e-4, rtol=1e-4, strict_dtype=True)
def float32(sub):
    rng = np.random.default_rng(8)
    return step(sub, batch((8, 4, 3), rng, np.float32), *params(4, rng, np.float32), True, rng)
