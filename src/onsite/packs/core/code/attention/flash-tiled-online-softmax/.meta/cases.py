import torch

from onsite.judge.cases import case

INF = float("inf")


def qkv(*batch, L, S, D=8, Dv=None, dtype=torch.float32, seed=0, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(*batch, L, D, generator=g, dtype=dtype) * scale
    k = torch.randn(*batch, S, D, generator=g, dtype=dtype) * scale
    v = torch.randn(*batch, S, Dv or D, generator=g, dtype=dtype)
    return q, k, v


def empty_state(*batch, L, Dv, dtype=torch.float32):
    return (torch.full((*batch, L), -INF, dtype=dtype), torch.zeros(*batch, L, dtype=dtype),
            torch.zeros(*batch, L, Dv, dtype=dtype))


@case("online_update: two blocks folded into the empty state", atol=1e-5, rtol=1e-5)
def update_two_blocks(sub):
    g = torch.Generator().manual_seed(1)
    m, denom, acc = empty_state(2, L=3, Dv=4)
    out = {}
    # The second block's scores are shifted up, so its maximum overtakes the first's in most rows.
    for i, shift in enumerate((0.0, 1.5)):
        s = torch.randn(2, 3, 5, generator=g) * 2 + shift
        vb = torch.randn(2, 5, 4, generator=g)
        m, denom, acc = sub.online_update(m, denom, acc, s, vb)
        out |= {f"m after block {i}": m, f"denom after block {i}": denom, f"acc after block {i}": acc}
    return out


@case("online_update: rows with no finite score yet stay empty, no NaN", atol=1e-6, rtol=1e-5)
def update_masked_rows(sub):
    g = torch.Generator().manual_seed(2)
    m, denom, acc = empty_state(L=4, Dv=3)
    s = torch.randn(4, 3, generator=g)
    s[1] = -INF                       # row 1: nothing visible in the first block
    s[3, :2] = -INF                   # row 3: one visible key
    m, denom, acc = sub.online_update(m, denom, acc, s, torch.randn(3, 3, generator=g))
    first = {"m after block 0": m, "denom after block 0": denom, "acc after block 0": acc}
    s2 = torch.randn(4, 2, generator=g) + 3
    s2[2] = -INF                      # row 2: a fully hidden block after a visible one
    m, denom, acc = sub.online_update(m, denom, acc, s2, torch.randn(2, 3, generator=g))
    return first | {"m after block 1": m, "denom after block 1": denom, "acc after block 1": acc}


@case("no mask, block size 4 divides T = 12", atol=1e-5, rtol=1e-4)
def dividing(sub):
    out, lse = sub.flash_attention(*qkv(2, 3, L=12, S=12, seed=3), block_size=4)
    return {"out": out, "lse": lse}


@case("causal, T = 10 with block size 3 (a short last block)", atol=1e-5, rtol=1e-4)
def causal_ragged(sub):
    out, lse = sub.flash_attention(*qkv(2, 2, L=10, S=10, seed=4), block_size=3, causal=True)
    return {"out": out, "lse": lse}


@case("causal, block size 1 and block size larger than T", atol=1e-5, rtol=1e-4)
def extreme_blocks(sub):
    q, k, v = qkv(2, L=7, S=7, seed=5)
    out1, lse1 = sub.flash_attention(q, k, v, block_size=1, causal=True)
    out9, lse9 = sub.flash_attention(q, k, v, block_size=9, causal=True)
    return {"out (Bc=1)": out1, "lse (Bc=1)": lse1, "out (Bc=9)": out9, "lse (Bc=9)": lse9}


@case("cross-attention L=5 over S=13 keys, Dv=6, block size 5", atol=1e-5, rtol=1e-4)
def cross(sub):
    out, lse = sub.flash_attention(*qkv(3, L=5, S=13, D=4, Dv=6, seed=6), block_size=5)
    return {"out": out, "lse": lse}


@case("large logits (scores around 1e4) stay finite, causal, block 4", atol=1e-4, rtol=1e-4)
def large(sub):
    # Inputs scaled by 1e2 give scores of order 1e4: exp without the running max overflows,
    # and a stale max makes exp(s - m) overflow when a later block is larger. lse is of
    # order 1e4, so float32 rounding alone is about 1e-3 there.
    out, lse = sub.flash_attention(*qkv(2, L=9, S=9, seed=7, scale=1e2), block_size=4, causal=True)
    return {"out": out, "lse": lse}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    out, lse = sub.flash_attention(*qkv(2, L=11, S=11, dtype=torch.float64, seed=8), block_size=4,
                                   causal=True)
    return {"out": out, "lse": lse}


@case("gradients through the tiled loop (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = (t.requires_grad_(True) for t in qkv(2, L=7, S=7, D=4, dtype=torch.float64, seed=9))
    out, lse = sub.flash_attention(q, k, v, block_size=3, causal=True)
    g = torch.Generator().manual_seed(99)
    loss = (out * torch.randn(out.shape, generator=g, dtype=out.dtype)).sum() + lse.sum()
    loss.backward()
    return {"grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}
