import torch

from onsite.judge.cases import case


def inputs(B, T, d_model, d_k, d_v, *, dtype=torch.float32, seed=0, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, d_model, generator=g, dtype=dtype) * scale
    # 1/sqrt(fan_in) keeps unit-variance activations, so the softmax is neither flat nor one-hot.
    w_q = torch.randn(d_model, d_k, generator=g, dtype=dtype) / d_model**0.5
    w_k = torch.randn(d_model, d_k, generator=g, dtype=dtype) / d_model**0.5
    w_v = torch.randn(d_model, d_v, generator=g, dtype=dtype) / d_model**0.5
    w_o = torch.randn(d_v, d_model, generator=g, dtype=dtype) / d_v**0.5
    return x, w_q, w_k, w_v, w_o


@case("batch 2, T=6, d_model=16, d_k=d_v=8", atol=1e-5, rtol=1e-4)
def typical(sub):
    # x scaled by 3 so the scores are large enough that the sqrt(d_k) factor matters.
    out, weights = sub.causal_self_attention(*inputs(2, 6, 16, 8, 8, scale=3.0))
    return {"out": out, "weights": weights}


@case("d_k=4 differs from d_v=12 and d_model=32", atol=1e-5, rtol=1e-4)
def widths(sub):
    out, weights = sub.causal_self_attention(*inputs(3, 5, 32, 4, 12, seed=1, scale=2.0))
    return {"out": out, "weights": weights}


@case("T=1: a single position attends only to itself", atol=1e-6, rtol=1e-5)
def single(sub):
    out, weights = sub.causal_self_attention(*inputs(4, 1, 8, 4, 4, seed=2))
    return {"out": out, "weights": weights}


@case("longer sequence, T=12", atol=1e-5, rtol=1e-4)
def longer(sub):
    out, weights = sub.causal_self_attention(*inputs(1, 12, 16, 16, 16, seed=3, scale=2.0))
    return {"out": out, "weights": weights}


@case("large activations stay finite (x scaled by 100)", atol=1e-3, rtol=1e-4)
def large(sub):
    # Scores of order 1e4: an unshifted exp overflows. atol 1e-3 because out itself is ~1e2.
    out, weights = sub.causal_self_attention(*inputs(2, 6, 16, 8, 8, seed=4, scale=100.0))
    return {"out": out, "weights": weights}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    out, weights = sub.causal_self_attention(*inputs(2, 5, 8, 4, 6, dtype=torch.float64, seed=5,
                                                     scale=2.0))
    return {"out": out, "weights": weights}


@case("gradients w.r.t. x and all four matrices (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    tensors = [t.requires_grad_(True) for t in inputs(2, 5, 12, 6, 4, dtype=torch.float64,
                                                      seed=6, scale=2.0)]
    out, _ = sub.causal_self_attention(*tensors)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=out.dtype)
    (out * upstream).sum().backward()
    names = ("x", "w_q", "w_k", "w_v", "w_o")
    return {"out": out, **{f"grad_{n}": t.grad for n, t in zip(names, tensors, strict=True)}}
