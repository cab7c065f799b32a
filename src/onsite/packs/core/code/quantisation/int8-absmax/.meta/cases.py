import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def roundtrip(sub, x, suffix=""):
    q, scale = sub.quantize_absmax(x.clone())
    deq = sub.dequantize_absmax(q, scale)
    return {f"q{suffix}": q, f"scale{suffix}": scale, f"dequantized{suffix}": deq}


@case("random (4, 64) float32", atol=1e-7, rtol=1e-6)
def basic(sub):
    return roundtrip(sub, randn(4, 64, seed=0))


@case("exact halves round to even (scale exactly 1)", atol=0, rtol=0)
def halves(sub):
    # absmax 127 makes the scale exactly 1, so x / scale = x and every half is exact.
    x = torch.tensor([127.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.5, -126.5, 10.49, -7.51])
    return roundtrip(sub, x)


@case("the most extreme value is negative", atol=1e-7, rtol=1e-6)
def negative_extreme(sub):
    x = randn(3, 20, seed=1)
    x[1, 7] = -9.0
    return roundtrip(sub, x)


@case("all-zero tensor: scale 1, codes 0", atol=0, rtol=0)
def zeros(sub):
    return roundtrip(sub, torch.zeros(2, 5))


@case("a single element and a constant tensor", atol=1e-7, rtol=1e-6)
def single(sub):
    return {**roundtrip(sub, torch.tensor([-0.3]), suffix="_single"),
            **roundtrip(sub, torch.full((3, 3), 4.25), suffix="_constant")}


@case("float64 in, float64 scale and output", atol=1e-15, rtol=1e-12, strict_dtype=True)
def float64(sub):
    return roundtrip(sub, randn(5, 16, seed=2, dtype=torch.float64))


@case("outlier: one value 1000x the rest crushes the small ones to zero", atol=1e-6, rtol=1e-6)
def outlier(sub):
    x = randn(64, seed=3)
    x[10] = 1000.0
    q, scale = sub.quantize_absmax(x.clone())
    # The fraction of values that quantise to 0: an observable of the outlier problem.
    return {"q": q, "scale": scale, "zero_fraction": float((q == 0).float().mean())}


@case("large magnitudes (1e30) and 3-D shape", atol=0, rtol=1e-6)
def large(sub):
    return roundtrip(sub, randn(2, 3, 8, seed=4, scale=1e30))
