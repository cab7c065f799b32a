import math

import torch

from onsite.judge.cases import case


def params(B, T, H, d, *, seed, dtype=torch.float32, x_scale=1.0, lam_scale=0.3):
    """Seeded inputs and weights for one layer with D = 2 * H * d."""
    g = torch.Generator().manual_seed(seed)
    D = 2 * H * d

    def randn(*shape, scale=1.0):
        return torch.randn(*shape, generator=g, dtype=dtype) * scale

    return {
        "x": randn(B, T, D, scale=x_scale),
        "w_q": randn(D, D, scale=1 / math.sqrt(D)),
        "w_k": randn(D, D, scale=1 / math.sqrt(D)),
        "w_v": randn(D, D, scale=1 / math.sqrt(D)),
        "w_o": randn(D, D, scale=1 / math.sqrt(D)),
        "lambda_q1": randn(d, scale=lam_scale),
        "lambda_k1": randn(d, scale=lam_scale),
        "lambda_q2": randn(d, scale=lam_scale),
        "lambda_k2": randn(d, scale=lam_scale),
        "norm_weight": 1 + randn(2 * d, scale=0.2),
        "n_heads": H,
    }


def run(sub, p, lambda_init, **kw):
    out, attn = sub.differential_attention(**p, lambda_init=lambda_init, **kw)
    return {"out": out, "attn": attn}


@case("lambda_init for layers 1..12 (1-based)", atol=1e-12, rtol=1e-12)
def lambda_init_values(sub):
    return {"lambda_init": [float(sub.lambda_init_fn(layer)) for layer in range(1, 13)]}


@case("causal, B=2, T=6, H=2, d=4 (D=16)", atol=1e-5, rtol=1e-4)
def causal_basic(sub):
    return run(sub, params(2, 6, 2, 4, seed=0), lambda_init=0.5)


@case("no mask, B=1, T=5, H=3, d=2 (D=12)", atol=1e-5, rtol=1e-4)
def no_mask(sub):
    return run(sub, params(1, 5, 3, 2, seed=1), lambda_init=0.3, causal=False)


@case("lambda vectors zero: lambda equals lambda_init exactly", atol=1e-5, rtol=1e-4)
def lambda_is_init(sub):
    p = params(2, 4, 2, 3, seed=2, lam_scale=0.0)
    return run(sub, p, lambda_init=sub.lambda_init_fn(4))


@case("one token: both maps are 1, the head output is (1 - lambda) V", atol=1e-5, rtol=1e-4)
def single_token(sub):
    # lambda > 1 here, so the sign of (1 - lambda) flips the normalised output.
    p = params(3, 1, 2, 4, seed=3, lam_scale=0.8)
    return run(sub, p, lambda_init=0.2)


@case("large activations (x scaled by 40) stay finite", atol=1e-4, rtol=1e-4)
def large_inputs(sub):
    return run(sub, params(2, 7, 2, 4, seed=4, x_scale=40.0), lambda_init=0.6)


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return run(sub, params(2, 5, 2, 3, seed=5, dtype=torch.float64), lambda_init=0.45)


@case("gradients to x, w_q, w_v, the lambda vectors and the norm gain (float64)",
      atol=1e-10, rtol=1e-8)
def gradients(sub):
    p = params(2, 5, 2, 3, seed=6, dtype=torch.float64)
    names = ["x", "w_q", "w_v", "lambda_q1", "lambda_k2", "norm_weight"]
    for name in names:
        p[name] = p[name].clone().requires_grad_(True)
    out, _ = sub.differential_attention(**p, lambda_init=0.35)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99),
                           dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, **{f"grad_{name}": p[name].grad for name in names}}
