import torch

from onsite.judge.cases import case


def inputs(*batch, L=6, n=6, d=8, d_v=8, dtype=torch.float32, seed=0, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(*batch, L, d, generator=g, dtype=dtype) * scale
    k = torch.randn(*batch, n, d, generator=g, dtype=dtype) * scale
    v = torch.randn(*batch, n, d_v, generator=g, dtype=dtype)
    return q, k, v


def run(sub, q, k, v, **kw):
    out, weights = sub.sigmoid_attention(q, k, v, **kw)
    return {"out": out, "weights": weights}


def with_grads(sub, q, k, v, **kw):
    q, k, v = (t.clone().requires_grad_(True) for t in (q, k, v))
    out, weights = sub.sigmoid_attention(q, k, v, **kw)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99),
                           dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, "weights": weights, "grad_q": q.grad, "grad_k": k.grad,
            "grad_v": v.grad}


@case("default bias -log(n), no mask, batch 2 x 2 heads", atol=1e-6, rtol=1e-5)
def default_bias(sub):
    return run(sub, *inputs(2, 2))


@case("causal mask: future weights exactly 0, bias still -log(n)", atol=1e-6, rtol=1e-5)
def causal(sub):
    return run(sub, *inputs(2, 3, L=7, n=7, seed=1), causal=True)


@case("cross attention, L=3 queries over n=9 keys, d_v != d", atol=1e-6, rtol=1e-5)
def cross(sub):
    return run(sub, *inputs(2, L=3, n=9, d=4, d_v=5, seed=2))


@case("explicit biases 0.0 and -2.5", atol=1e-6, rtol=1e-5)
def explicit_bias(sub):
    q, k, v = inputs(2, L=4, n=5, seed=3)
    a_out, a_w = sub.sigmoid_attention(q, k, v, bias=0.0)
    b_out, b_w = sub.sigmoid_attention(q, k, v, bias=-2.5)
    return {"out (b=0)": a_out, "weights (b=0)": a_w, "out (b=-2.5)": b_out,
            "weights (b=-2.5)": b_w}


@case("one key: the weight is sigmoid(score), with b = -log 1 = 0", atol=1e-6, rtol=1e-5)
def one_key(sub):
    return run(sub, *inputs(3, L=2, n=1, seed=4))


@case("long sequence, n=64: rows sum to about 1 at small scores", atol=1e-6, rtol=1e-5)
def long_sequence(sub):
    q, k, v = inputs(1, L=64, n=64, d=16, seed=5, scale=0.3)
    out, weights = sub.sigmoid_attention(q, k, v, causal=False)
    return {"out": out, "weights": weights, "row sums": weights.sum(-1)}


@case("huge scores in both directions: finite values and gradients (float64)",
      atol=1e-9, rtol=1e-8)
def huge_scores(sub):
    # Scores reach about +-3000: exp(-s) overflows float64 below -709.
    return with_grads(sub, *inputs(2, L=5, n=5, dtype=torch.float64, seed=6, scale=30.0),
                      causal=True)


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return run(sub, *inputs(2, L=5, n=5, dtype=torch.float64, seed=7), causal=True)


@case("gradients through a causal mask (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    return with_grads(sub, *inputs(2, L=6, n=6, dtype=torch.float64, seed=8), causal=True)
