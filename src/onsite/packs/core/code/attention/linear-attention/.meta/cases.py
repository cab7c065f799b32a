import torch

from onsite.judge.cases import case


def qkv(B, H, T, D, Dv, *, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, T, D, generator=g, dtype=dtype) * scale
    k = torch.randn(B, H, T, D, generator=g, dtype=dtype) * scale
    v = torch.randn(B, H, T, Dv, generator=g, dtype=dtype)
    return q, k, v


def result(out, state):
    return {"out": out, "S": state[0], "z": state[1]}


@case("feature map on negative, zero and positive inputs", atol=1e-6, rtol=1e-6)
def feature(sub):
    x = torch.linspace(-6, 4, 21)
    return {"phi": sub.feature_map(x)}


@case("causal, B=2, H=3, T=10, D=4, Dv=6", atol=1e-5, rtol=1e-4)
def causal(sub):
    return result(*sub.linear_attention(*qkv(2, 3, 10, 4, 6, seed=0)))


@case("non-causal, B=2, H=2, T=7", atol=1e-5, rtol=1e-4)
def non_causal(sub):
    return result(*sub.linear_attention(*qkv(2, 2, 7, 5, 3, seed=1), causal=False))


@case("one position (T = 1): the output is v itself", atol=1e-6, rtol=1e-5)
def single(sub):
    return result(*sub.linear_attention(*qkv(3, 2, 1, 4, 4, seed=2)))


@case("RNN view: 6 positions, then 4 more from the returned state", atol=1e-5, rtol=1e-4)
def chunked(sub):
    q, k, v = qkv(2, 2, 10, 4, 5, seed=3)
    out_a, state_a = sub.linear_attention(q[:, :, :6], k[:, :, :6], v[:, :, :6])
    S_before, z_before = state_a[0].clone(), state_a[1].clone()
    out_b, state_b = sub.linear_attention(q[:, :, 6:], k[:, :, 6:], v[:, :, 6:], state=state_a)
    return {"out (first call)": out_a, "out (second call)": out_b, "S": state_b[0], "z": state_b[1],
            "state unchanged": bool(torch.equal(state_a[0], S_before) and torch.equal(state_a[1], z_before))}


@case("non-causal with an initial state", atol=1e-5, rtol=1e-4)
def non_causal_state(sub):
    q, k, v = qkv(1, 2, 5, 3, 3, seed=4)
    g = torch.Generator().manual_seed(5)
    state = (torch.randn(1, 2, 3, 3, generator=g).abs(), torch.rand(1, 2, 3, generator=g) + 0.5)
    return result(*sub.linear_attention(q, k, v, causal=False, state=state))


@case("inputs of scale 5 (features from e^-15 to 16)", atol=1e-4, rtol=1e-4)
def wide(sub):
    return result(*sub.linear_attention(*qkv(1, 2, 12, 4, 4, seed=6, scale=5.0)))


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return result(*sub.linear_attention(*qkv(2, 2, 9, 4, 3, seed=7, dtype=torch.float64)))


@case("gradients, causal (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    q, k, v = (t.requires_grad_(True) for t in qkv(2, 1, 6, 3, 4, seed=8, dtype=torch.float64))
    out, (S, z) = sub.linear_attention(q, k, v)
    g = torch.Generator().manual_seed(99)
    loss = (out * torch.randn(out.shape, generator=g, dtype=out.dtype)).sum() + S.sum() + z.sum()
    loss.backward()
    return {"grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}
