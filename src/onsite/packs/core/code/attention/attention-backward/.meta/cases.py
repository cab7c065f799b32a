import torch

from onsite.judge.cases import case


def inputs(*batch, L, S, D=8, Dv=None, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(*batch, L, D, generator=g, dtype=dtype) * scale
    k = torch.randn(*batch, S, D, generator=g, dtype=dtype) * scale
    v = torch.randn(*batch, S, Dv or D, generator=g, dtype=dtype)
    d_out = torch.randn(*batch, L, Dv or D, generator=g, dtype=dtype)
    return q, k, v, d_out


def grads(sub, *args, mask=None):
    dq, dk, dv = sub.attention_backward(*args, mask)
    return {"dq": dq, "dk": dk, "dv": dv}


@case("no mask, batch 2, L = S = 6", atol=1e-5, rtol=1e-4)
def no_mask(sub):
    return grads(sub, *inputs(2, L=6, S=6, seed=0))


@case("causal mask, batch 2 x 3 heads", atol=1e-5, rtol=1e-4)
def causal(sub):
    return grads(sub, *inputs(2, 3, L=5, S=5, seed=1), mask=torch.ones(5, 5, dtype=torch.bool).tril())


@case("cross attention, L = 3 over S = 7, Dv = 5 != D = 4", atol=1e-5, rtol=1e-4)
def cross(sub):
    return grads(sub, *inputs(2, L=3, S=7, D=4, Dv=5, seed=2))


@case("padding mask (B, 1, S) broadcast over queries", atol=1e-5, rtol=1e-4)
def padding(sub):
    mask = (torch.arange(6)[None, :] < torch.tensor([6, 3])[:, None])[:, None, :]
    return grads(sub, *inputs(2, L=4, S=6, seed=3), mask=mask)


@case("every query sees exactly one key: dq = dk = 0", atol=1e-6, rtol=1e-5)
def one_key(sub):
    mask = torch.zeros(4, 5, dtype=torch.bool)
    mask[torch.arange(4), torch.tensor([0, 2, 2, 4])] = True
    return grads(sub, *inputs(1, L=4, S=5, seed=4), mask=mask)


@case("one query, one key", atol=1e-6, rtol=1e-5)
def tiny(sub):
    return grads(sub, *inputs(3, L=1, S=1, seed=5))


@case("large scores (inputs scaled by 10) stay finite", atol=1e-3, rtol=1e-3)
def large(sub):
    # Scores of order 100: a softmax without the max shift overflows. The gradients w.r.t. q and
    # k are of order 10-100 here, so float32 rounding alone is about 1e-4 to 1e-3.
    causal = torch.ones(5, 5, dtype=torch.bool).tril()
    return grads(sub, *inputs(2, L=5, S=5, seed=6, scale=10.0), mask=causal)


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return grads(sub, *inputs(2, 2, L=6, S=4, D=3, Dv=2, seed=7, dtype=torch.float64))


@case("float64 with a causal mask, D = 16", atol=1e-12, rtol=1e-10)
def float64_causal(sub):
    return grads(sub, *inputs(2, L=7, S=7, D=16, seed=8, dtype=torch.float64),
                 mask=torch.ones(7, 7, dtype=torch.bool).tril())
