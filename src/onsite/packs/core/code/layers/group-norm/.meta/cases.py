import torch

from onsite.judge.cases import case


def data(*shape, seed, dtype=torch.float32, offset=0.0, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    # Different means and spreads per channel, so the grouping is visible in the output.
    C = shape[1]
    per_channel = (1, C) + (1,) * (len(shape) - 2)
    mu = torch.randn(per_channel, generator=g, dtype=dtype) * 3
    sd = torch.rand(per_channel, generator=g, dtype=dtype) * 2 + 0.2
    return (torch.randn(*shape, generator=g, dtype=dtype) * sd + mu) * scale + offset


def affine(C, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return 1 + 0.5 * torch.randn(C, generator=g, dtype=dtype), torch.randn(C, generator=g, dtype=dtype)


@case("images (2, 6, 4, 4), 3 groups, affine", atol=1e-5, rtol=1e-5)
def images(sub):
    return {"y": sub.group_norm(data(2, 6, 4, 4, seed=0), 3, *affine(6, seed=1))}


@case("one group (normalise each sample over everything)", atol=1e-5, rtol=1e-5)
def one_group(sub):
    return {"y": sub.group_norm(data(3, 4, 5, 2, seed=2), 1, *affine(4, seed=3))}


@case("groups = channels (instance norm)", atol=1e-5, rtol=1e-5)
def instance(sub):
    return {"y": sub.group_norm(data(2, 5, 3, 3, seed=4), 5, *affine(5, seed=5))}


@case("no spatial dims (N, C) and one spatial dim (N, C, L)", atol=1e-5, rtol=1e-5)
def low_rank(sub):
    y2 = sub.group_norm(data(4, 8, seed=6), 4, *affine(8, seed=7))
    y3 = sub.group_norm(data(2, 6, 7, seed=8), 2, *affine(6, seed=9))
    return {"y (N, C)": y2, "y (N, C, L)": y3}


@case("no affine parameters, custom eps = 1e-2", atol=1e-5, rtol=1e-5)
def no_affine(sub):
    x = data(2, 4, 3, 3, seed=10, scale=0.1)   # small spread, so eps = 1e-2 changes the result
    return {"y": sub.group_norm(x, 2, eps=1e-2)}


@case("large common offset 1e4 in float32", atol=2e-3, rtol=1e-3)
def offset(sub):
    # float32 resolution at 1e4 is about 1e-3, so that is the best any method can do on x - mu;
    # E[x^2] - E[x]^2 loses everything (errors of order 1 or NaN).
    return {"y": sub.group_norm(data(2, 4, 4, 4, seed=11, offset=1e4), 2, *affine(4, seed=12))}


@case("a constant group: output equals the bias", atol=1e-6, rtol=1e-6)
def constant(sub):
    x = data(2, 4, 3, seed=13)
    x[0, :2] = 7.0                              # sample 0, group 0 is constant
    return {"y": sub.group_norm(x, 2, *affine(4, seed=14))}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-12, strict_dtype=True)
def float64(sub):
    return {"y": sub.group_norm(data(2, 6, 3, 2, seed=15, dtype=torch.float64), 3,
                                *affine(6, seed=16, dtype=torch.float64))}


@case("gradients w.r.t. x, weight and bias (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    x = data(2, 6, 3, 3, seed=17, dtype=torch.float64).requires_grad_(True)
    w, b = (t.requires_grad_(True) for t in affine(6, seed=18, dtype=torch.float64))
    y = sub.group_norm(x, 2, w, b)
    up = torch.randn(y.shape, generator=torch.Generator().manual_seed(99), dtype=y.dtype)
    (y * up).sum().backward()
    return {"grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad}
