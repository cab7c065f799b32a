import torch

from onsite.judge.cases import case

NAMES = ("w_q", "w_k", "w_v", "w_o")


def make_params(d_model, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    # 1/sqrt(d_model) keeps unit-variance activations unit-variance: softmax neither flat nor one-hot.
    return {n: torch.randn(d_model, d_model, generator=g, dtype=dtype) / d_model**0.5 for n in NAMES}


def tokens(B, T, d_model, *, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(B, T, d_model, generator=g, dtype=dtype) * scale


def run_chunks(sub, x, params, n_heads, chunks):
    """Feed x in consecutive chunks of the given sizes; return the outputs of every call."""
    cache = None
    outs = {}
    start = 0
    for i, size in enumerate(chunks):
        out, cache = sub.cached_attention(x[:, start:start + size], params, n_heads, cache)
        outs[f"out (call {i}, positions {start}..{start + size - 1})"] = out
        start += size
    outs["cache_k"], outs["cache_v"] = cache
    return outs


@case("prefill only: causal attention over 6 positions, 4 heads", atol=1e-5, rtol=1e-4)
def prefill(sub):
    p = make_params(32, seed=0)
    out, (k, v) = sub.cached_attention(tokens(2, 6, 32, seed=1), p, 4)
    return {"out": out, "cache_k": k, "cache_v": v}


@case("prefill 4 tokens, then 3 single-token steps", atol=1e-5, rtol=1e-4)
def steps(sub):
    p = make_params(32, seed=2)
    return run_chunks(sub, tokens(2, 7, 32, seed=3), p, 4, [4, 1, 1, 1])


@case("prefill of one token, then 4 steps, one head", atol=1e-5, rtol=1e-4)
def from_one(sub):
    p = make_params(16, seed=4)
    return run_chunks(sub, tokens(3, 5, 16, seed=5), p, 1, [1, 1, 1, 1, 1])


@case("chunked: prefill 3, a chunk of 3 (causal inside the chunk), then 1", atol=1e-5, rtol=1e-4)
def chunked(sub):
    p = make_params(24, seed=6)
    return run_chunks(sub, tokens(2, 7, 24, seed=7), p, 3, [3, 3, 1])


@case("the given cache is not modified; a branch from it matches", atol=1e-6, rtol=1e-5)
def branching(sub):
    p = make_params(16, seed=8)
    x = tokens(1, 5, 16, seed=9)
    _, cache = sub.cached_attention(x[:, :4], p, 2)
    k_before, v_before = cache[0].clone(), cache[1].clone()
    out_a, _ = sub.cached_attention(x[:, 4:5], p, 2, cache)
    out_b, _ = sub.cached_attention(-x[:, 4:5], p, 2, cache)  # a second continuation
    return {"out_a": out_a, "out_b": out_b,
            "cache_k_unchanged": bool(torch.equal(cache[0], k_before)),
            "cache_v_unchanged": bool(torch.equal(cache[1], v_before))}


@case("large activations stay finite (scale 30)", atol=1e-3, rtol=1e-4)
def large(sub):
    # Scores reach the thousands: an unshifted exp overflows. atol is looser because
    # out is of order 30 and float32 rounding scales with it.
    p = make_params(16, seed=10)
    return run_chunks(sub, tokens(2, 5, 16, seed=11, scale=30.0), p, 2, [3, 1, 1])


@case("float64 in, float64 out (cache too)", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    p = make_params(24, seed=12, dtype=torch.float64)
    return run_chunks(sub, tokens(2, 6, 24, seed=13, dtype=torch.float64), p, 6, [2, 1, 2, 1])


@case("gradients through prefill and two steps (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    p = {n: w.requires_grad_(True) for n, w in make_params(16, seed=14, dtype=torch.float64).items()}
    x = tokens(2, 5, 16, seed=15, dtype=torch.float64).requires_grad_(True)
    outs = run_chunks(sub, x, p, 4, [3, 1, 1])
    g = torch.Generator().manual_seed(99)
    loss = sum((o * torch.randn(o.shape, generator=g, dtype=o.dtype)).sum()
               for key, o in outs.items() if key.startswith("out"))
    loss.backward()
    return {"grad_x": x.grad, **{f"grad_{n}": p[n].grad for n in NAMES}}
