import torch

from onsite.judge.cases import case


def make_params(d, d_ff, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)

    def randn(*shape, scale):
        return torch.randn(*shape, generator=g, dtype=dtype) * scale

    p = {}
    for ln in ("ln1", "ln2"):
        # Non-trivial gains and shifts, so the two norms cannot be swapped or dropped unnoticed.
        p[f"{ln}_weight"] = 1.0 + randn(d, scale=0.3)
        p[f"{ln}_bias"] = randn(d, scale=0.3)
    for name in ("q", "k", "v", "o"):
        p[f"w_{name}"] = randn(d, d, scale=d**-0.5)
        p[f"b_{name}"] = randn(d, scale=0.1)
    p["w_1"], p["b_1"] = randn(d_ff, d, scale=d**-0.5), randn(d_ff, scale=0.1)
    p["w_2"], p["b_2"] = randn(d, d_ff, scale=d_ff**-0.5), randn(d, scale=0.1)
    return p


def tokens(B, T, d, *, seed, dtype=torch.float32, scale=1.0, shift=0.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(B, T, d, generator=g, dtype=dtype) * scale + shift


@case("B=2, T=6, d=32, 4 heads, d_ff=64", atol=1e-5, rtol=1e-4)
def typical(sub):
    return {"y": sub.pre_ln_block(tokens(2, 6, 32, seed=1), make_params(32, 64, seed=0), 4)}


@case("T=1: one position", atol=1e-5, rtol=1e-4)
def one_position(sub):
    return {"y": sub.pre_ln_block(tokens(3, 1, 16, seed=3), make_params(16, 32, seed=2), 2)}


@case("one head, d_ff = 4 d", atol=1e-5, rtol=1e-4)
def one_head(sub):
    return {"y": sub.pre_ln_block(tokens(2, 5, 8, seed=5), make_params(8, 32, seed=4), 1)}


@case("residual stream with a large offset and scale (x * 20 + 50)", atol=1e-3, rtol=1e-4)
def large_stream(sub):
    # The output carries x (~50) through the residual, so atol 1e-3 is float32 rounding at that size.
    x = tokens(2, 4, 16, seed=7, scale=20.0, shift=50.0)
    return {"y": sub.pre_ln_block(x, make_params(16, 32, seed=6), 4)}


@case("eps = 0.1 on low-variance positions", atol=1e-5, rtol=1e-4)
def big_eps(sub):
    # Per-position spread ~0.05: eps = 0.1 dominates the variance, so where it goes matters.
    x = tokens(2, 5, 8, seed=9, scale=0.05, shift=1.0)
    return {"y": sub.pre_ln_block(x, make_params(8, 16, seed=8), 2, eps=0.1)}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    x = tokens(2, 5, 24, seed=11, dtype=torch.float64)
    return {"y": sub.pre_ln_block(x, make_params(24, 48, seed=10, dtype=torch.float64), 3)}


@case("gradients w.r.t. x and every parameter (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    x = tokens(2, 4, 12, seed=13, dtype=torch.float64).requires_grad_(True)
    params = make_params(12, 24, seed=12, dtype=torch.float64)
    for t in params.values():
        t.requires_grad_(True)
    y = sub.pre_ln_block(x, params, 3)
    upstream = torch.randn(y.shape, generator=torch.Generator().manual_seed(99), dtype=y.dtype)
    (y * upstream).sum().backward()
    return {"y": y, "grad_x": x.grad, **{f"grad_{k}": t.grad for k, t in params.items()}}
