import torch

from onsite.judge.cases import case


def inputs(*shape, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(*shape, generator=g, dtype=torch.float64) * scale
    w = 1.0 + 0.5 * torch.randn(shape[-1], generator=g, dtype=torch.float64)
    return x.to(dtype), w.to(dtype)


@case("(B, T, D) = (2, 5, 16), float32", atol=1e-5, rtol=1e-5)
def basic(sub):
    x, w = inputs(2, 5, 16, seed=0)
    return {"y": sub.rms_norm(x, w)}


@case("tiny inputs (1e-4): eps inside the root matters", atol=1e-10, rtol=1e-8)
def tiny(sub):
    x, w = inputs(3, 8, seed=1, dtype=torch.float64, scale=1e-4)
    return {"y": sub.rms_norm(x, w, eps=1e-6)}


@case("gradients w.r.t. x and weight (float64)", atol=1e-10, rtol=1e-8, strict_dtype=True)
def grads(sub):
    x, w = inputs(2, 3, 8, seed=2, dtype=torch.float64)
    x.requires_grad_(True)
    w.requires_grad_(True)
    y = sub.rms_norm(x, w, eps=1e-5)
    up = torch.randn(y.shape, generator=torch.Generator().manual_seed(99), dtype=torch.float64)
    (y * up).sum().backward()
    return {"y": y.detach(), "grad_x": x.grad, "grad_weight": w.grad}


@case("a single vector (D,)", atol=1e-10, rtol=1e-8)
def one_d(sub):
    x, w = inputs(12, seed=3, dtype=torch.float64)
    return {"y": sub.rms_norm(x, w)}


@case("D = 1: y = sign(x) * weight (up to eps)", atol=1e-10, rtol=1e-8)
def d_one(sub):
    x, w = inputs(4, 1, seed=4, dtype=torch.float64)
    return {"y": sub.rms_norm(x, w)}


@case("an all-zero row gives zeros, and finite gradients", atol=1e-10, rtol=1e-8)
def zero_row(sub):
    x, w = inputs(3, 6, seed=5, dtype=torch.float64)
    x[1] = 0.0
    x.requires_grad_(True)
    y = sub.rms_norm(x, w)
    y.sum().backward()
    return {"y": y.detach(), "grad_x": x.grad}


@case("eps = 0.1 passed explicitly, inputs of order 0.3", atol=1e-10, rtol=1e-8)
def custom_eps(sub):
    x, w = inputs(4, 10, seed=6, dtype=torch.float64, scale=0.3)
    return {"y": sub.rms_norm(x, w, eps=0.1)}


# bfloat16 keeps 8 significant bits: one unit in the last place is 2^-7 ~ 0.8%
# relative, so results may differ by one rounding step.
@case("bfloat16 in, bfloat16 out (computed in float32)", atol=1e-2, rtol=1e-2, strict_dtype=True)
def bf16(sub):
    x, w = inputs(4, 64, seed=7, dtype=torch.bfloat16, scale=3.0)
    return {"y": sub.rms_norm(x, w)}


@case("float64 in, float64 out, large values (1e3)", atol=1e-10, rtol=1e-8, strict_dtype=True)
def float64(sub):
    x, w = inputs(2, 4, 16, seed=8, dtype=torch.float64, scale=1e3)
    return {"y": sub.rms_norm(x, w)}
