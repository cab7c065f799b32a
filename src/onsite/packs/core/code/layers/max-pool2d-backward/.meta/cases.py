import numpy as np

from onsite.judge.cases import case


def run(sub, x, kernel, stride=None, seed=0):
    """Forward, then backward with a seeded upstream gradient."""
    if stride is None:
        y, cache = sub.maxpool2d_forward(x, kernel)
    else:
        y, cache = sub.maxpool2d_forward(x, kernel, stride)
    rng = np.random.default_rng(seed + 1000)
    dy = rng.standard_normal(y.shape).astype(x.dtype)
    return {"y": y, "dx": sub.maxpool2d_backward(dy, cache)}


def randn(shape, seed, dtype=np.float64):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


@case("2x2 windows, default stride (= kernel)", atol=1e-12, rtol=1e-10)
def basic(sub):
    return run(sub, randn((2, 3, 6, 8), 0), 2)


@case("overlapping 3x3 windows, stride 2: gradients add up", atol=1e-12, rtol=1e-10)
def overlapping(sub):
    return run(sub, randn((2, 2, 7, 9), 1), 3, 2, seed=1)


@case("3x3 windows, stride 1: one element can win many windows", atol=1e-12, rtol=1e-10)
def stride_one(sub):
    # A strong peak in each image wins every window that contains it.
    x = randn((2, 2, 6, 6), 2)
    x[:, :, 2, 3] += 10.0
    return run(sub, x, 3, 1, seed=2)


@case("ties: small integers, the first maximum (row-major) wins", atol=1e-12, rtol=1e-10)
def ties(sub):
    x = np.random.default_rng(3).integers(0, 3, size=(2, 3, 6, 6)).astype(np.float64)
    return run(sub, x, 2, seed=3)


@case("ties with overlap: constant input, kernel 3, stride 1", atol=1e-12, rtol=1e-10)
def constant(sub):
    return run(sub, np.full((1, 2, 5, 6), 1.5), 3, 1, seed=4)


@case("all negative values", atol=1e-12, rtol=1e-10)
def negative(sub):
    return run(sub, -np.abs(randn((2, 2, 4, 6), 5)) - 1.0, 2, seed=5)


@case("odd sizes: the trailing row and column are never pooled", atol=1e-12, rtol=1e-10)
def odd(sub):
    return run(sub, randn((1, 3, 7, 5), 6), 2, seed=6)


@case("stride 3 larger than a 2x2 kernel: gaps between windows", atol=1e-12, rtol=1e-10)
def gaps(sub):
    return run(sub, randn((2, 1, 8, 8), 7), 2, 3, seed=7)


@case("global pooling: kernel = input size", atol=1e-12, rtol=1e-10)
def global_pool(sub):
    return run(sub, randn((3, 4, 5, 5), 8), 5, seed=8)


@case("float32 in, float32 out", atol=1e-6, rtol=1e-5, strict_dtype=True)
def float32(sub):
    return run(sub, randn((2, 3, 6, 6), 9, np.float32), 2, seed=9)
