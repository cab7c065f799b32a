import torch

from onsite.judge.cases import case

PROJECTIONS = ("q_proj", "k_proj", "v_proj", "out_proj")


def build(sub, d_model, n_heads, *, bias=True, dtype=torch.float32, seed=0):
    """Construct the learner's module, then overwrite every projection with seeded values."""
    module = sub.MultiHeadAttention(d_model, n_heads, bias=bias).to(dtype)
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name in PROJECTIONS:
            linear = getattr(module, name)
            # Unit-variance inputs stay unit-variance through a 1/sqrt(d_model) matrix,
            # so the softmax is neither flat nor saturated.
            w = torch.randn(d_model, d_model, generator=g, dtype=torch.float64) / d_model**0.5
            linear.weight.copy_(w)
            if bias:
                linear.bias.copy_(torch.randn(d_model, generator=g, dtype=torch.float64) * 0.1)
    return module


def tokens(B, T, d_model, *, dtype=torch.float32, seed=1):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(B, T, d_model, generator=g, dtype=dtype)


def causal_mask(T):
    return torch.ones(T, T, dtype=torch.bool).tril()


def with_grads(module, x_q, x_kv, mask=None, *, self_attention=False):
    """Output plus gradients of a fixed random projection of it, w.r.t. inputs and weights."""
    x_q = x_q.clone().requires_grad_(True)
    x_kv = x_q if self_attention else x_kv.clone().requires_grad_(True)
    out = module(x_q, x_kv, mask)
    g = torch.Generator().manual_seed(99)
    upstream = torch.randn(out.shape, generator=g, dtype=out.dtype)
    (out * upstream).sum().backward()
    obs = {"out": out, "grad_x_q": x_q.grad}
    if not self_attention:
        obs["grad_x_kv"] = x_kv.grad
    for name in PROJECTIONS:
        linear = getattr(module, name)
        obs[f"grad_{name}.weight"] = linear.weight.grad
        if linear.bias is not None:
            obs[f"grad_{name}.bias"] = linear.bias.grad
    return obs


@case("self-attention, d_model=128, 8 heads", atol=1e-5, rtol=1e-4)
def self_attention(sub):
    m = build(sub, 128, 8)
    x = tokens(2, 7, 128)
    return {"out": m(x, x)}


@case("cross-attention, L=3 queries over S=9 keys", atol=1e-5, rtol=1e-4)
def cross_attention(sub):
    m = build(sub, 32, 4, seed=2)
    return {"out": m(tokens(2, 3, 32, seed=3), tokens(2, 9, 32, seed=4))}


@case("causal mask (L, L), broadcast over batch and heads", atol=1e-5, rtol=1e-4)
def causal(sub):
    m = build(sub, 48, 6, seed=5)
    x = tokens(3, 6, 48, seed=6)
    return {"out": m(x, x, causal_mask(6))}


@case("padding mask (B, 1, 1, S)", atol=1e-5, rtol=1e-4)
def padding(sub):
    m = build(sub, 32, 4, seed=7)
    x_q, x_kv = tokens(2, 5, 32, seed=8), tokens(2, 6, 32, seed=9)
    lengths = torch.tensor([6, 2])
    mask = (torch.arange(6)[None, :] < lengths[:, None])[:, None, None, :]
    return {"out": m(x_q, x_kv, mask)}


@case("n_heads=1 is single-head attention", atol=1e-5, rtol=1e-4)
def one_head(sub):
    m = build(sub, 16, 1, seed=10)
    x = tokens(2, 5, 16, seed=11)
    return {"out": m(x, x, causal_mask(5))}


@case("bias=False: projections without bias", atol=1e-5, rtol=1e-4)
def no_bias(sub):
    m = build(sub, 32, 4, bias=False, seed=12)
    x = tokens(2, 4, 32, seed=13)
    return {"out": m(x, x), "n_parameters": sum(p.numel() for p in m.parameters())}


@case("one query position (L=1)", atol=1e-5, rtol=1e-4)
def single_query(sub):
    m = build(sub, 32, 4, seed=14)
    return {"out": m(tokens(3, 1, 32, seed=15), tokens(3, 5, 32, seed=16))}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    m = build(sub, 64, 8, dtype=torch.float64, seed=17)
    x = tokens(2, 6, 64, dtype=torch.float64, seed=18)
    return {"out": m(x, x, causal_mask(6))}


@case("gradients, causal self-attention (float64)", atol=1e-10, rtol=1e-8)
def grads_self(sub):
    m = build(sub, 24, 3, dtype=torch.float64, seed=19)
    x = tokens(2, 5, 24, dtype=torch.float64, seed=20)
    return with_grads(m, x, x, causal_mask(5), self_attention=True)


@case("gradients, cross-attention with padding (float64)", atol=1e-10, rtol=1e-8)
def grads_cross(sub):
    m = build(sub, 24, 4, dtype=torch.float64, seed=21)
    x_q = tokens(2, 3, 24, dtype=torch.float64, seed=22)
    x_kv = tokens(2, 5, 24, dtype=torch.float64, seed=23)
    mask = torch.tensor([[True] * 5, [True, True, True, False, False]])[:, None, None, :]
    return with_grads(m, x_q, x_kv, mask)
