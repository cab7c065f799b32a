import numpy as np

from onsite.judge.cases import case


def data(B, C, H, W, F, kh, kw, *, seed, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((B, C, H, W)).astype(dtype)
    w = rng.standard_normal((F, C, kh, kw)).astype(dtype)
    b = rng.standard_normal(F).astype(dtype)
    return x, w, b, rng


def full(sub, shape, stride, padding, *, seed, dtype=np.float64):
    """Forward, then backward with a seeded upstream gradient: every observable."""
    x, w, b, rng = data(*shape, seed=seed, dtype=dtype)
    y, cache = sub.conv2d_forward(x, w, b, stride, padding)
    dy = rng.standard_normal(y.shape).astype(dtype)
    dx, dw, db = sub.conv2d_backward(dy, cache)
    return {"y": y, "dx": dx, "dw": dw, "db": db}


@case("im2col layout: 2 channels, 3x2 filter, stride 2, padding 1", atol=0, rtol=0)
def im2col_layout(sub):
    x = np.arange(2 * 2 * 5 * 4, dtype=np.float64).reshape(2, 2, 5, 4)
    return {"cols": sub.im2col(x, 3, 2, 2, 1)}


@case("col2im adds overlapping windows and drops the padding", atol=1e-12, rtol=1e-12)
def col2im_sums(sub):
    rng = np.random.default_rng(1)
    # x (1, 2, 4, 5), filter 3x3, stride 1, padding 1: H_out = 4, W_out = 5
    cols = rng.standard_normal((1, 2 * 9, 20))
    return {"x": sub.col2im(cols, (1, 2, 4, 5), 3, 3, 1, 1)}


@case("forward and backward: 3x3, stride 1, no padding", atol=1e-10, rtol=1e-8)
def basic(sub):
    return full(sub, (2, 3, 6, 7, 4, 3, 3), 1, 0, seed=2)


@case("forward and backward: stride 2, padding 1", atol=1e-10, rtol=1e-8)
def strided(sub):
    return full(sub, (2, 2, 7, 8, 3, 3, 3), 2, 1, seed=3)


@case("stride 2 on an even size: the last row/column is never read, its dx is 0",
      atol=1e-10, rtol=1e-8)
def unread_pixels(sub):
    return full(sub, (1, 2, 6, 6, 2, 3, 3), 2, 0, seed=4)


@case("stride 3 larger than a 2x2 filter: gaps between windows", atol=1e-10, rtol=1e-8)
def gaps(sub):
    return full(sub, (2, 2, 8, 9, 3, 2, 2), 3, 0, seed=5)


@case("non-square 2x4 filter, padding 2", atol=1e-10, rtol=1e-8)
def non_square(sub):
    return full(sub, (2, 3, 5, 6, 2, 2, 4), 1, 2, seed=6)


@case("1x1 filter", atol=1e-10, rtol=1e-8)
def pointwise(sub):
    return full(sub, (3, 4, 3, 5, 2, 1, 1), 1, 0, seed=7)


@case("batch of one, one channel, filter covering the whole padded input",
      atol=1e-10, rtol=1e-8)
def whole(sub):
    return full(sub, (1, 1, 3, 4, 2, 5, 6), 1, 1, seed=8)


@case("float32 in, float32 out", atol=1e-4, rtol=1e-4, strict_dtype=True)
def float32(sub):
    return full(sub, (2, 3, 6, 6, 4, 3, 3), 1, 1, seed=9, dtype=np.float32)
