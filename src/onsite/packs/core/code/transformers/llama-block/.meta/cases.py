import torch

from onsite.judge.cases import case


def make_params(d, F, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)

    def mat(rows, cols):
        return torch.randn(rows, cols, generator=g, dtype=dtype) / rows**0.5

    return {
        "attn_norm.weight": 1 + 0.2 * torch.randn(d, generator=g, dtype=dtype),
        "ffn_norm.weight": 1 + 0.2 * torch.randn(d, generator=g, dtype=dtype),
        "wq": mat(d, d) * 2, "wk": mat(d, d) * 2, "wv": mat(d, d), "wo": mat(d, d),
        "w_gate": mat(d, F), "w_up": mat(d, F), "w_down": mat(F, d),
    }


def tokens(B, T, d, *, seed, dtype=torch.float32, offset=0.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(B, T, d, generator=g, dtype=dtype) + offset


@case("rmsnorm over the last axis, with a mean offset", atol=1e-5, rtol=1e-5)
def norm(sub):
    x = tokens(2, 3, 8, seed=0, offset=2.0)
    w = 1 + 0.3 * torch.randn(8, generator=torch.Generator().manual_seed(1))
    return {"y": sub.rmsnorm(x, w), "y (eps=0.5)": sub.rmsnorm(x * 0.1, w, eps=0.5)}


@case("apply_rope: (2, 3, 7, 8), base 10000", atol=1e-5, rtol=1e-5)
def rope(sub):
    x = torch.randn(2, 3, 7, 8, generator=torch.Generator().manual_seed(2))
    return {"rotated": sub.apply_rope(x)}


@case("apply_rope: base 10, d_h = 4, 12 positions (large angles)", atol=1e-5, rtol=1e-5)
def rope_small_base(sub):
    x = torch.randn(1, 2, 12, 4, generator=torch.Generator().manual_seed(3))
    return {"rotated": sub.apply_rope(x, base=10.0)}


@case("block: d = 32, 4 heads, T = 6", atol=1e-4, rtol=1e-4)
def block(sub):
    return {"out": sub.llama_block(tokens(2, 6, 32, seed=4), make_params(32, 48, seed=5), 4)}


@case("block: one head, one position", atol=1e-5, rtol=1e-5)
def block_tiny(sub):
    return {"out": sub.llama_block(tokens(3, 1, 8, seed=6), make_params(8, 16, seed=7), 1)}


@case("block: rope_base = 50 and eps = 1e-2", atol=1e-4, rtol=1e-4)
def block_options(sub):
    x = tokens(2, 9, 16, seed=8)
    return {"out": sub.llama_block(x, make_params(16, 24, seed=9), 2, rope_base=50.0, eps=1e-2)}


@case("block: causal, so the first positions ignore later tokens", atol=1e-4, rtol=1e-4)
def causal(sub):
    p = make_params(16, 32, seed=10)
    x = tokens(1, 5, 16, seed=11)
    y = x.clone()
    y[:, -1] += 3.0
    a, b = sub.llama_block(x, p, 4), sub.llama_block(y, p, 4)
    return {"out": a, "max change before the last position": (a[:, :-1] - b[:, :-1]).abs().max()}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    dt = torch.float64
    x, p = tokens(2, 7, 24, seed=12, dtype=dt), make_params(24, 40, seed=13, dtype=dt)
    return {"out": sub.llama_block(x, p, 3)}


@case("gradients w.r.t. x and every weight (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    dt = torch.float64
    x = tokens(2, 5, 16, seed=14, dtype=dt).requires_grad_(True)
    p = {k: w.requires_grad_(True) for k, w in make_params(16, 24, seed=15, dtype=dt).items()}
    out = sub.llama_block(x, p, 4)
    up = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=dt)
    (out * up).sum().backward()
    return {"grad_x": x.grad, **{f"grad {k}": w.grad for k, w in p.items()}}
