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


def padding(lengths, T):
    return (torch.arange(T)[None, :] < torch.tensor(lengths)[:, None])[:, None, None, :]


@case("no mask, B=2, T=6, d=32, 4 heads, d_ff=64", atol=1e-5, rtol=1e-4)
def no_mask(sub):
    return {"y": sub.post_ln_block(tokens(2, 6, 32, seed=1), make_params(32, 64, seed=0), 4)}


@case("causal (T, T) mask", atol=1e-5, rtol=1e-4)
def causal(sub):
    mask = torch.ones(5, 5, dtype=torch.bool).tril()
    return {"y": sub.post_ln_block(tokens(2, 5, 16, seed=3), make_params(16, 32, seed=2), 2, mask)}


@case("padding mask (B, 1, 1, T), lengths 6, 2, 4", atol=1e-5, rtol=1e-4)
def padded(sub):
    x = tokens(3, 6, 16, seed=5)
    return {"y": sub.post_ln_block(x, make_params(16, 64, seed=4), 4, padding([6, 2, 4], 6))}


@case("T=1, one head", atol=1e-5, rtol=1e-4)
def one(sub):
    return {"y": sub.post_ln_block(tokens(3, 1, 8, seed=7), make_params(8, 16, seed=6), 1)}


@case("large inputs (x * 20 + 50): the output is normalised anyway", atol=1e-5, rtol=1e-4)
def large(sub):
    x = tokens(2, 4, 16, seed=9, scale=20.0, shift=50.0)
    return {"y": sub.post_ln_block(x, make_params(16, 32, seed=8), 4)}


@case("eps = 0.1 with small sublayer outputs", atol=1e-5, rtol=1e-4)
def big_eps(sub):
    # Tiny inputs and weights: the sums being normalised have variance well below eps.
    p = {k: (v * 0.1 if k.startswith(("w_", "b_")) else v) for k, v in make_params(8, 16, seed=10).items()}
    x = tokens(2, 5, 8, seed=11, scale=0.05)
    return {"y": sub.post_ln_block(x, p, 2, eps=0.1)}


@case("float64 in, float64 out, causal", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    x = tokens(2, 5, 24, seed=13, dtype=torch.float64)
    mask = torch.ones(5, 5, dtype=torch.bool).tril()
    return {"y": sub.post_ln_block(x, make_params(24, 48, seed=12, dtype=torch.float64), 3, mask)}


@case("gradients w.r.t. x and every parameter, padding mask (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    x = tokens(2, 4, 12, seed=15, dtype=torch.float64).requires_grad_(True)
    params = make_params(12, 24, seed=14, dtype=torch.float64)
    for t in params.values():
        t.requires_grad_(True)
    y = sub.post_ln_block(x, params, 3, padding([4, 3], 4))
    upstream = torch.randn(y.shape, generator=torch.Generator().manual_seed(99), dtype=y.dtype)
    (y * upstream).sum().backward()
    return {"y": y, "grad_x": x.grad, **{f"grad_{k}": t.grad for k, t in params.items()}}
