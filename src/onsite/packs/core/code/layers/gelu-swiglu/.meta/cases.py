import torch

from onsite.judge.cases import case


def grid(dtype=torch.float32):
    """A dense range around 0 plus a few large values of both signs."""
    return torch.cat([torch.linspace(-6, 6, 49, dtype=dtype),
                      torch.tensor([-1e4, -50.0, -10.0, 10.0, 50.0, 1e4], dtype=dtype)])


def grad_of(fn, x, seed=99):
    x = x.clone().requires_grad_(True)
    y = fn(x)
    up = torch.randn(y.shape, generator=torch.Generator().manual_seed(seed), dtype=y.dtype)
    (y * up).sum().backward()
    return y.detach(), x.grad


def ffn_inputs(B, T, D, H, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, D, generator=g, dtype=dtype)
    w1 = torch.randn(H, D, generator=g, dtype=dtype) / D**0.5
    w3 = torch.randn(H, D, generator=g, dtype=dtype) / D**0.5
    w2 = torch.randn(D, H, generator=g, dtype=dtype) / H**0.5
    return x, w1, w3, w2


@case("exact GELU on [-6, 6] and large values", atol=1e-6, rtol=1e-5)
def gelu_exact(sub):
    return {"y": sub.gelu(grid())}


@case("tanh GELU on [-6, 6] and large values", atol=1e-6, rtol=1e-5)
def gelu_tanh(sub):
    return {"y": sub.gelu(grid(), approximate="tanh")}


@case("exact GELU gradient (float64)", atol=1e-10, rtol=1e-8, strict_dtype=True)
def gelu_exact_grad(sub):
    x = torch.randn(4, 9, generator=torch.Generator().manual_seed(0), dtype=torch.float64) * 2
    y, gx = grad_of(lambda t: sub.gelu(t), x)
    return {"y": y, "grad_x": gx}


@case("tanh GELU gradient (float64)", atol=1e-10, rtol=1e-8)
def gelu_tanh_grad(sub):
    x = torch.randn(4, 9, generator=torch.Generator().manual_seed(1), dtype=torch.float64) * 2
    y, gx = grad_of(lambda t: sub.gelu(t, approximate="tanh"), x)
    return {"y": y, "grad_x": gx}


@case("SiLU values on [-6, 6] and large values, and its gradient (float64)", atol=1e-10,
      rtol=1e-8)
def silu_values(sub):
    y, gx = grad_of(sub.silu, grid(torch.float64))
    return {"y": y, "grad_x": gx}


@case("SwiGLU block, (B, T, D) = (2, 5, 8), H = 16", atol=1e-5, rtol=1e-5)
def ffn(sub):
    return {"y": sub.swiglu_ffn(*ffn_inputs(2, 5, 8, 16, seed=2))}


@case("SwiGLU gradients w.r.t. x and all three weights (float64)", atol=1e-10, rtol=1e-8,
      strict_dtype=True)
def ffn_grads(sub):
    tensors = [t.requires_grad_(True) for t in ffn_inputs(2, 3, 6, 10, seed=3, dtype=torch.float64)]
    y = sub.swiglu_ffn(*tensors)
    up = torch.randn(y.shape, generator=torch.Generator().manual_seed(4), dtype=torch.float64)
    (y * up).sum().backward()
    names = ["grad_x", "grad_w1", "grad_w3", "grad_w2"]
    return {"y": y.detach(), **{n: t.grad for n, t in zip(names, tensors, strict=True)}}


@case("SwiGLU on a single vector (D,)", atol=1e-5, rtol=1e-5)
def ffn_vector(sub):
    x, w1, w3, w2 = ffn_inputs(1, 1, 8, 12, seed=5)
    return {"y": sub.swiglu_ffn(x[0, 0], w1, w3, w2)}
