import torch

from onsite.judge.cases import case

PROJECTIONS = ("q_proj", "k_proj", "v_proj", "out_proj")


def build(sub, d_model, n_heads, *, bias=True, dtype=torch.float32, seed=0):
    """The learner's module with every projection overwritten by seeded values of the MQA shapes."""
    module = sub.MultiQueryAttention(d_model, n_heads, bias=bias).to(dtype)
    d_h = d_model // n_heads
    shapes = {"q_proj": (d_model, d_model), "k_proj": (d_h, d_model), "v_proj": (d_h, d_model),
              "out_proj": (d_model, d_model)}
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name in PROJECTIONS:
            linear = getattr(module, name)
            rows, cols = shapes[name]
            linear.weight.copy_(torch.randn(rows, cols, generator=g, dtype=torch.float64) / cols**0.5)
            if bias:
                linear.bias.copy_(torch.randn(rows, generator=g, dtype=torch.float64) * 0.1)
    return module


def tokens(B, T, d, *, seed, dtype=torch.float32):
    return torch.randn(B, T, d, generator=torch.Generator().manual_seed(seed), dtype=dtype) * 2


@case("projection shapes and parameter count (d_model=512, 8 heads)", atol=0, rtol=0)
def shapes(sub):
    m = sub.MultiQueryAttention(512, 8)
    obs = {f"{n}.weight shape": list(getattr(m, n).weight.shape) for n in PROJECTIONS}
    obs["n_parameters"] = sum(p.numel() for p in m.parameters())
    return obs


@case("causal forward, B=2, T=6, d_model=32, 4 heads", atol=1e-5, rtol=1e-4)
def typical(sub):
    m = build(sub, 32, 4)
    return {"out": m(tokens(2, 6, 32, seed=1))}


@case("T=1", atol=1e-5, rtol=1e-4)
def one(sub):
    m = build(sub, 16, 4, seed=2)
    return {"out": m(tokens(3, 1, 16, seed=3))}


@case("one head: MQA equals single-head attention", atol=1e-5, rtol=1e-4)
def one_head(sub):
    m = build(sub, 8, 1, seed=4)
    return {"out": m(tokens(2, 5, 8, seed=5))}


@case("bias=False, 8 heads", atol=1e-5, rtol=1e-4)
def no_bias(sub):
    m = build(sub, 64, 8, bias=False, seed=6)
    return {"out": m(tokens(2, 7, 64, seed=7)), "n_parameters": sum(p.numel() for p in m.parameters())}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    m = build(sub, 24, 3, dtype=torch.float64, seed=8)
    return {"out": m(tokens(2, 5, 24, seed=9, dtype=torch.float64))}


@case("gradients w.r.t. x and every projection (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    m = build(sub, 24, 4, dtype=torch.float64, seed=10)
    x = tokens(2, 5, 24, seed=11, dtype=torch.float64).requires_grad_(True)
    out = m(x)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=out.dtype)
    (out * upstream).sum().backward()
    obs = {"out": out, "grad_x": x.grad}
    for name in PROJECTIONS:
        obs[f"grad_{name}.weight"] = getattr(m, name).weight.grad
        obs[f"grad_{name}.bias"] = getattr(m, name).bias.grad
    return obs


@case("KV cache sizes, MQA and MHA", atol=0, rtol=0)
def cache(sub):
    return {"mqa_small": sub.kv_cache_numel(1, 1000, 12, 512, 8),
            "mha_small": sub.kv_cache_numel(1, 1000, 12, 512, 8, multi_query=False),
            "mqa_large": sub.kv_cache_numel(16, 4096, 32, 4096, 32),
            "mha_large": sub.kv_cache_numel(16, 4096, 32, 4096, 32, multi_query=False)}
