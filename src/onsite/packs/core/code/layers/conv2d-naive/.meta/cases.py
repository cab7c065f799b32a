import torch

from onsite.judge.cases import case


def data(B, C_in, H, W, C_out, kh, kw, *, seed, dtype=torch.float32, bias=True):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, C_in, H, W, generator=g, dtype=dtype)
    w = torch.randn(C_out, C_in, kh, kw, generator=g, dtype=dtype)
    b = torch.randn(C_out, generator=g, dtype=dtype) if bias else None
    return x, w, b


@case("3x3 filter, stride 1, no padding, with bias", atol=1e-5, rtol=1e-5)
def basic(sub):
    x, w, b = data(2, 3, 7, 6, 4, 3, 3, seed=0)
    return {"y": sub.conv2d(x, w, b)}


@case("padding 1 keeps the size ('same' for 3x3)", atol=1e-5, rtol=1e-5)
def same(sub):
    x, w, b = data(2, 2, 5, 5, 3, 3, 3, seed=1)
    return {"y": sub.conv2d(x, w, b, padding=1)}


@case("stride 2, padding 1, odd size: the floor drops the last partial window",
      atol=1e-5, rtol=1e-5)
def strided(sub):
    x, w, b = data(2, 3, 8, 9, 2, 3, 3, seed=2)
    return {"y": sub.conv2d(x, w, b, stride=2, padding=1)}


@case("dilation 2", atol=1e-5, rtol=1e-5)
def dilated(sub):
    x, w, b = data(1, 2, 9, 10, 3, 3, 3, seed=3)
    return {"y": sub.conv2d(x, w, b, dilation=2, padding=1)}


@case("non-square 2x3 filter with per-axis stride (1, 2), padding (1, 0), dilation (2, 1)",
      atol=1e-5, rtol=1e-5)
def per_axis(sub):
    x, w, b = data(2, 2, 7, 8, 3, 2, 3, seed=4)
    return {"y": sub.conv2d(x, w, b, stride=(1, 2), padding=(1, 0), dilation=(2, 1))}


@case("1x1 filter: a per-pixel channel mix", atol=1e-5, rtol=1e-5)
def pointwise(sub):
    x, w, b = data(2, 5, 4, 3, 6, 1, 1, seed=5)
    return {"y": sub.conv2d(x, w, b)}


@case("no bias, stride 3 larger than the filter (pixels skipped)", atol=1e-5, rtol=1e-5)
def no_bias(sub):
    x, w, _ = data(2, 3, 10, 11, 2, 2, 2, seed=6, bias=False)
    return {"y": sub.conv2d(x, w, None, stride=3)}


@case("filter as large as the padded input: a 1x1 output", atol=1e-5, rtol=1e-5)
def full_window(sub):
    x, w, b = data(3, 2, 4, 5, 2, 6, 7, seed=7)
    return {"y": sub.conv2d(x, w, b, padding=1)}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    x, w, b = data(1, 3, 6, 6, 2, 3, 3, seed=8, dtype=torch.float64)
    return {"y": sub.conv2d(x, w, b, stride=2, padding=2, dilation=2)}
