import torch

from onsite.judge.cases import case


def inputs(*batch, L=5, S=5, d_k=8, d_v=8, dtype=torch.float32, seed=0, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(*batch, L, d_k, generator=g, dtype=dtype) * scale
    k = torch.randn(*batch, S, d_k, generator=g, dtype=dtype) * scale
    v = torch.randn(*batch, S, d_v, generator=g, dtype=dtype)
    return q, k, v


def with_grads(sub, q, k, v, mask=None):
    q, k, v = (t.clone().requires_grad_(True) for t in (q, k, v))
    out, weights = sub.scaled_dot_product_attention(q, k, v, mask)
    g = torch.Generator().manual_seed(99)
    upstream = torch.randn(out.shape, generator=g, dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, "weights": weights, "grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}


@case("no mask, batch 2", atol=1e-5, rtol=1e-4)
def no_mask(sub):
    out, weights = sub.scaled_dot_product_attention(*inputs(2))
    return {"out": out, "weights": weights}


@case("causal mask, batch 2 x 3 heads", atol=1e-5, rtol=1e-4)
def causal(sub):
    q, k, v = inputs(2, 3, L=6, S=6)
    mask = torch.ones(6, 6, dtype=torch.bool).tril()
    out, weights = sub.scaled_dot_product_attention(q, k, v, mask)
    return {"out": out, "weights": weights}


@case("cross attention, L=3 queries over S=7 keys, d_v != d_k", atol=1e-5, rtol=1e-4)
def cross(sub):
    out, weights = sub.scaled_dot_product_attention(*inputs(2, L=3, S=7, d_k=4, d_v=6))
    return {"out": out, "weights": weights}


@case("padding mask broadcast over heads and queries", atol=1e-5, rtol=1e-4)
def padding(sub):
    q, k, v = inputs(2, 2, L=4, S=4)
    lengths = torch.tensor([4, 2])
    mask = (torch.arange(4)[None, :] < lengths[:, None])[:, None, None, :]  # (B, 1, 1, S)
    out, weights = sub.scaled_dot_product_attention(q, k, v, mask)
    return {"out": out, "weights": weights}


@case("mask hides every key but one", atol=1e-6, rtol=1e-5)
def single_key(sub):
    q, k, v = inputs(1, L=4, S=6, seed=3)
    mask = torch.zeros(4, 6, dtype=torch.bool)
    mask[:, 2] = True
    out, weights = sub.scaled_dot_product_attention(q, k, v, mask)
    return {"out": out, "weights": weights}


@case("one query, one key", atol=1e-6, rtol=1e-5)
def length_one(sub):
    out, weights = sub.scaled_dot_product_attention(*inputs(3, L=1, S=1, seed=4))
    return {"out": out, "weights": weights}


@case("large scores stay finite (scale 1e3)", atol=1e-4, rtol=1e-4)
def large(sub):
    # Scores around 1e5: a softmax without the max shift overflows to inf/nan.
    out, weights = sub.scaled_dot_product_attention(*inputs(2, seed=5, scale=1e3))
    return {"out": out, "weights": weights}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    out, weights = sub.scaled_dot_product_attention(*inputs(2, dtype=torch.float64, seed=6))
    return {"out": out, "weights": weights}


@case("gradients through a causal mask (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = inputs(2, L=5, S=5, dtype=torch.float64, seed=7)
    mask = torch.ones(5, 5, dtype=torch.bool).tril()
    return with_grads(sub, q, k, v, mask)
