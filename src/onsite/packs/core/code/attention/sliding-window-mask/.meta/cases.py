import torch

from onsite.judge.cases import case


def qkv(B, H, T, D, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return tuple(torch.randn(B, H, T, D, generator=g, dtype=dtype) * 1.5 for _ in range(3))


@case("masks for T=6 and windows 2, 3, 4", atol=0, rtol=0)
def masks(sub):
    return {f"mask_w{w}": sub.sliding_window_mask(6, w) for w in (2, 3, 4)}


@case("window 1: each token sees only itself", atol=0, rtol=0)
def window_one(sub):
    return {"mask": sub.sliding_window_mask(5, 1)}


@case("window >= T: the plain causal mask (w = T and w = T + 3)", atol=0, rtol=0)
def window_large(sub):
    return {"mask_w_eq_T": sub.sliding_window_mask(5, 5), "mask_w_gt_T": sub.sliding_window_mask(5, 8)}


@case("T=1", atol=0, rtol=0)
def one(sub):
    return {"mask": sub.sliding_window_mask(1, 3)}


@case("window 0 raises ValueError", atol=0, rtol=0)
def window_zero(sub):
    try:
        sub.sliding_window_mask(4, 0)
    except Exception as exc:  # the type of the error is the observable
        return {"raised": type(exc).__name__}
    return {"raised": "nothing"}


@case("attention, B=2, H=3, T=8, window 3", atol=1e-5, rtol=1e-4)
def attention(sub):
    return {"out": sub.sliding_window_attention(*qkv(2, 3, 8, 16, seed=0), 3)}


@case("attention with window 1 returns v", atol=1e-6, rtol=1e-5)
def attention_one(sub):
    return {"out": sub.sliding_window_attention(*qkv(1, 2, 5, 4, seed=1), 1)}


@case("attention with window 100 > T (plain causal)", atol=1e-5, rtol=1e-4)
def attention_large(sub):
    return {"out": sub.sliding_window_attention(*qkv(2, 2, 6, 8, seed=2), 100)}


@case("gradients, window 2 (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = (t.requires_grad_(True) for t in qkv(2, 2, 6, 8, seed=3, dtype=torch.float64))
    out = sub.sliding_window_attention(q, k, v, 2)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, "grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}
