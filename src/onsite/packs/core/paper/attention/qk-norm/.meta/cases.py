import math

import torch

from onsite.judge.cases import case


def params(B, T, H, d, *, seed, dtype=torch.float32, x_scale=1.0):
    g = torch.Generator().manual_seed(seed)
    D = H * d

    def randn(*shape, scale=1.0):
        return torch.randn(*shape, generator=g, dtype=dtype) * scale

    return {
        "x": randn(B, T, D, scale=x_scale),
        "w_q": randn(D, D, scale=1 / math.sqrt(D)),
        "w_k": randn(D, D, scale=1 / math.sqrt(D)),
        "w_v": randn(D, D, scale=1 / math.sqrt(D)),
        "w_o": randn(D, D, scale=1 / math.sqrt(D)),
        # gains away from 1 so that where they are applied matters
        "q_gain": 1 + randn(d, scale=0.5),
        "k_gain": 1 + randn(d, scale=0.5),
        "n_heads": H,
    }


def run(sub, p, **kw):
    out, logits = sub.qk_norm_attention(**p, **kw)
    return {"out": out, "logits": logits}


@case("layernorm, causal, B=2, T=6, H=2, d=4", atol=1e-5, rtol=1e-4)
def layernorm_causal(sub):
    return run(sub, params(2, 6, 2, 4, seed=0))


@case("rmsnorm, no mask, B=1, T=5, H=3, d=4", atol=1e-5, rtol=1e-4)
def rmsnorm_nomask(sub):
    return run(sub, params(1, 5, 3, 4, seed=1), norm="rmsnorm", causal=False)


@case("huge activations (x scaled by 1e4): logits stay inside the bound", atol=1e-4, rtol=1e-4)
def huge_inputs(sub):
    # Without QK-norm these logits would be around 1e8 and the softmax one-hot.
    p = params(2, 5, 2, 8, seed=2, x_scale=1e4)
    out, logits = sub.qk_norm_attention(**p, norm="layernorm")
    bound = sub.logit_bound(p["q_gain"], p["k_gain"])
    return {"out": out, "logits": logits, "bound": bound,
            "all |logits| < bound": bool((logits.abs() < bound).all())}


@case("tiny activations (x scaled by 1e-4): eps inside the square root matters",
      atol=1e-5, rtol=1e-4)
def tiny_inputs(sub):
    # q is about 1e-4, its mean square 1e-8, well below eps = 1e-6.
    return run(sub, params(2, 4, 2, 4, seed=3, x_scale=1e-4), norm="rmsnorm")


@case("fixed temperature scale=2.5 (Henry et al. style)", atol=1e-5, rtol=1e-4)
def fixed_scale(sub):
    p = params(2, 5, 2, 4, seed=4)
    out, logits = sub.qk_norm_attention(**p, scale=2.5)
    return {"out": out, "logits": logits,
            "bound": sub.logit_bound(p["q_gain"], p["k_gain"], scale=2.5)}


@case("one token", atol=1e-5, rtol=1e-4)
def single_token(sub):
    return run(sub, params(3, 1, 2, 4, seed=5))


@case("logit_bound for given gains (d = 4 and d = 9)", atol=1e-9, rtol=1e-9)
def bounds(sub):
    g1 = torch.tensor([1.0, -2.0, 0.5, 1.5], dtype=torch.float64)
    g2 = torch.tensor([0.5, 1.5, -4.0, 1.0], dtype=torch.float64)
    g3 = torch.linspace(-1.0, 2.0, 9, dtype=torch.float64)
    return {"default tau, d=4": sub.logit_bound(g1, g2),
            "tau=0.1, d=4": sub.logit_bound(g1, g2, scale=0.1),
            "default tau, d=9": sub.logit_bound(g3, g3.flip(0))}


@case("float64 in, float64 out (layernorm and rmsnorm)", atol=1e-12, rtol=1e-10,
      strict_dtype=True)
def float64(sub):
    p = params(2, 5, 2, 3, seed=6, dtype=torch.float64)
    a_out, a_logits = sub.qk_norm_attention(**p, norm="layernorm")
    b_out, b_logits = sub.qk_norm_attention(**p, norm="rmsnorm")
    return {"layernorm out": a_out, "layernorm logits": a_logits,
            "rmsnorm out": b_out, "rmsnorm logits": b_logits}


@case("gradients to x, w_q, w_k and both gains (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    p = params(2, 5, 2, 4, seed=7, dtype=torch.float64)
    names = ["x", "w_q", "w_k", "q_gain", "k_gain"]
    for name in names:
        p[name] = p[name].clone().requires_grad_(True)
    out, _ = sub.qk_norm_attention(**p, norm="layernorm")
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99),
                           dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, **{f"grad_{name}": p[name].grad for name in names}}
