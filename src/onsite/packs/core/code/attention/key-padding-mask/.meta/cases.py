import torch

from onsite.judge.cases import case


def inputs(B, L, S, D, *, seed, dtype=torch.float32, pad_value=None):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, L, D, generator=g, dtype=dtype) * 1.5
    k = torch.randn(B, S, D, generator=g, dtype=dtype) * 1.5
    v = torch.randn(B, S, D, generator=g, dtype=dtype)
    return q, k, v


def poison(k, v, lengths, value):
    """Write `value` into every padded position, which must not matter."""
    k, v = k.clone(), v.clone()
    for b, n in enumerate(lengths.tolist()):
        k[b, n:] = value
        v[b, n:] = value
    return k, v


@case("lengths 5, 2, 3 over S=5", atol=1e-5, rtol=1e-4)
def typical(sub):
    q, k, v = inputs(3, 4, 5, 8, seed=0)
    out, weights = sub.padded_attention(q, k, v, torch.tensor([5, 2, 3]))
    return {"out": out, "weights": weights}


@case("no padding at all (every length = S)", atol=1e-5, rtol=1e-4)
def full(sub):
    q, k, v = inputs(2, 3, 4, 8, seed=1)
    out, weights = sub.padded_attention(q, k, v, torch.tensor([4, 4]))
    return {"out": out, "weights": weights}


@case("one empty sequence in the batch: zeros, not NaN", atol=1e-6, rtol=1e-5)
def one_empty(sub):
    q, k, v = inputs(3, 3, 4, 8, seed=2)
    out, weights = sub.padded_attention(q, k, v, torch.tensor([3, 0, 4]))
    return {"out": out, "weights": weights}


@case("every sequence empty", atol=1e-6, rtol=1e-5)
def all_empty(sub):
    q, k, v = inputs(2, 2, 3, 4, seed=3)
    out, weights = sub.padded_attention(q, k, v, torch.tensor([0, 0]))
    return {"out": out, "weights": weights}


@case("length 1: all weight on key 0", atol=1e-6, rtol=1e-5)
def length_one(sub):
    q, k, v = inputs(2, 3, 5, 4, seed=4)
    out, weights = sub.padded_attention(q, k, v, torch.tensor([1, 1]))
    return {"out": out, "weights": weights}


@case("padded positions hold 1e4: they must have no influence", atol=1e-5, rtol=1e-4)
def poisoned(sub):
    q, k, v = inputs(3, 2, 6, 8, seed=5)
    lengths = torch.tensor([6, 3, 0])
    k, v = poison(k, v, lengths, 1e4)
    out, weights = sub.padded_attention(q, k, v, lengths)
    return {"out": out, "weights": weights}


@case("float64 in, float64 out, one query (L=1)", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    q, k, v = inputs(3, 1, 5, 6, seed=6, dtype=torch.float64)
    out, weights = sub.padded_attention(q, k, v, torch.tensor([2, 5, 0]))
    return {"out": out, "weights": weights}


@case("gradients with an empty sequence are finite and zero there (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = (t.requires_grad_(True) for t in inputs(3, 3, 4, 6, seed=7, dtype=torch.float64))
    out, _ = sub.padded_attention(q, k, v, torch.tensor([4, 0, 2]))
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, "grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}
