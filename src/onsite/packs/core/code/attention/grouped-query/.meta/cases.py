import torch

from onsite.judge.cases import case


def qkv(B, H_q, H_kv, L, S, D, D_v=None, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H_q, L, D, generator=g, dtype=dtype) * 1.5
    k = torch.randn(B, H_kv, S, D, generator=g, dtype=dtype) * 1.5
    v = torch.randn(B, H_kv, S, D_v or D, generator=g, dtype=dtype)
    return q, k, v


def causal(T):
    return torch.ones(T, T, dtype=torch.bool).tril()


@case("8 query heads over 2 KV heads (G=4), causal", atol=1e-5, rtol=1e-4)
def typical(sub):
    return {"out": sub.grouped_query_attention(*qkv(2, 8, 2, 6, 6, 16, seed=0), causal(6))}


@case("6 query heads over 3 KV heads (G=2), no mask, L != S, D_v != D", atol=1e-5, rtol=1e-4)
def odd_groups(sub):
    return {"out": sub.grouped_query_attention(*qkv(2, 6, 3, 3, 7, 8, 5, seed=1))}


@case("H_kv = H_q: plain multi-head attention", atol=1e-5, rtol=1e-4)
def mha(sub):
    return {"out": sub.grouped_query_attention(*qkv(1, 4, 4, 5, 5, 8, seed=2), causal(5))}


@case("H_kv = 1: multi-query attention", atol=1e-5, rtol=1e-4)
def mqa(sub):
    return {"out": sub.grouped_query_attention(*qkv(2, 4, 1, 5, 5, 8, seed=3), causal(5))}


@case("padding mask (B, 1, 1, S)", atol=1e-5, rtol=1e-4)
def padded(sub):
    mask = (torch.arange(6)[None, :] < torch.tensor([6, 2])[:, None])[:, None, None, :]
    return {"out": sub.grouped_query_attention(*qkv(2, 4, 2, 4, 6, 8, seed=4), mask)}


@case("H_q not a multiple of H_kv raises ValueError", atol=0, rtol=0)
def not_divisible(sub):
    q, k, v = qkv(1, 6, 4, 3, 3, 4, seed=5)
    try:
        sub.grouped_query_attention(q, k, v)
    except Exception as exc:  # the type of the error is the observable
        return {"raised": type(exc).__name__}
    return {"raised": "nothing"}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return {"out": sub.grouped_query_attention(*qkv(2, 6, 2, 4, 4, 8, seed=6, dtype=torch.float64),
                                               causal(4))}


@case("gradients: each KV head collects its whole group's gradient (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = (t.requires_grad_(True) for t in qkv(2, 6, 2, 4, 5, 8, seed=7, dtype=torch.float64))
    mask = torch.ones(4, 5, dtype=torch.bool).tril(diagonal=1)
    out = sub.grouped_query_attention(q, k, v, mask)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, "grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}
