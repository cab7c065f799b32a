import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def qkv(B, H, L, S, D, *, seed, dtype=torch.float32):
    return (randn(B, H, L, D, seed=seed, dtype=dtype, scale=2.0),
            randn(B, H, S, D, seed=seed + 1, dtype=dtype, scale=2.0),
            randn(B, H, S, D, seed=seed + 2, dtype=dtype))


@case("apply_rope: (B, H, T, D) = (2, 3, 6, 8), offset 0", atol=1e-5, rtol=1e-4)
def rope_basic(sub):
    return {"y": sub.apply_rope(randn(2, 3, 6, 8, seed=0))}


@case("apply_rope: offset 17, no head axis (T, D) = (5, 16)", atol=1e-5, rtol=1e-4)
def rope_offset(sub):
    return {"y": sub.apply_rope(randn(5, 16, seed=1), offset=17)}


@case("apply_rope: D=2, base 100", atol=1e-5, rtol=1e-4)
def rope_small(sub):
    return {"y": sub.apply_rope(randn(1, 4, 2, seed=2), offset=3, base=100.0)}


@case("apply_rope: offset 5000 in float64", atol=1e-10, rtol=1e-9, strict_dtype=True)
def rope_far(sub):
    return {"y": sub.apply_rope(randn(2, 4, 32, seed=3, dtype=torch.float64), offset=5000)}


@case("invariant: scores depend only on relative position (offsets 0 and 11, float64)", atol=1e-10,
      rtol=1e-9)
def relative(sub):
    q, k = randn(1, 2, 5, 16, seed=4, dtype=torch.float64), randn(1, 2, 5, 16, seed=5, dtype=torch.float64)
    s0 = sub.apply_rope(q) @ sub.apply_rope(k).transpose(-2, -1)
    s11 = sub.apply_rope(q, offset=11) @ sub.apply_rope(k, offset=11).transpose(-2, -1)
    return {"scores_offset_0": s0, "scores_offset_11_minus_0": s11 - s0}


@case("rope_attention: full causal self-attention, L = S = 7", atol=1e-5, rtol=1e-4)
def attention_full(sub):
    return {"out": sub.rope_attention(*qkv(2, 2, 7, 7, 8, seed=6))}


@case("rope_attention: one new token against a cache of 9 (L=1, S=9)", atol=1e-5, rtol=1e-4)
def attention_decode(sub):
    return {"out": sub.rope_attention(*qkv(2, 3, 1, 9, 16, seed=9))}


@case("rope_attention: 3 new tokens against 8 (L=3, S=8)", atol=1e-5, rtol=1e-4)
def attention_chunk(sub):
    return {"out": sub.rope_attention(*qkv(1, 4, 3, 8, 8, seed=12))}


@case("rope_attention gradients w.r.t. q, k, v (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = (t.requires_grad_(True) for t in qkv(2, 2, 3, 5, 8, seed=15, dtype=torch.float64))
    out = sub.rope_attention(q, k, v)
    upstream = randn(*out.shape, seed=99, dtype=torch.float64)
    (out * upstream).sum().backward()
    return {"out": out, "grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}
