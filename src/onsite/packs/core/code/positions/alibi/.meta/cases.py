import torch

from onsite.judge.cases import case


def qkv(B, H, T, D, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return tuple(torch.randn(B, H, T, D, generator=g, dtype=dtype) for _ in range(3))


# Slopes and biases: rtol 1e-6 so a float32 computation cast to float64 still passes; every
# wrong rule is off by far more than that.
@case("slopes for power-of-two head counts 1, 2, 4, 8, 16", atol=1e-9, rtol=1e-6)
def slopes_pow2(sub):
    return {f"slopes_{n}": sub.alibi_slopes(n) for n in (1, 2, 4, 8, 16)}


@case("slopes for head counts that are not powers of two: 3, 5, 6, 12, 20", atol=1e-9, rtol=1e-6)
def slopes_other(sub):
    return {f"slopes_{n}": sub.alibi_slopes(n) for n in (3, 5, 6, 12, 20)}


@case("bias, 4 heads, T=5", atol=1e-9, rtol=1e-6)
def bias_pow2(sub):
    return {"bias": sub.alibi_bias(4, 5)}


@case("bias, 6 heads, T=4", atol=1e-9, rtol=1e-6)
def bias_six(sub):
    return {"bias": sub.alibi_bias(6, 4)}


@case("attention, B=2, 8 heads, T=7, D=16", atol=1e-5, rtol=1e-4)
def attention_pow2(sub):
    return {"out": sub.alibi_attention(*qkv(2, 8, 7, 16, seed=0))}


@case("attention, 6 heads, T=10, D=4 (large slopes and long distances)", atol=1e-5, rtol=1e-4)
def attention_six(sub):
    q, k, v = qkv(1, 6, 10, 4, seed=1)
    return {"out": sub.alibi_attention(q * 2, k * 2, v)}


@case("attention, T=1", atol=1e-6, rtol=1e-5)
def attention_one(sub):
    return {"out": sub.alibi_attention(*qkv(3, 2, 1, 8, seed=2))}


@case("attention gradients, 3 heads (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = (t.requires_grad_(True) for t in qkv(2, 3, 5, 8, seed=3, dtype=torch.float64))
    out = sub.alibi_attention(q, k, v)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, "grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}
