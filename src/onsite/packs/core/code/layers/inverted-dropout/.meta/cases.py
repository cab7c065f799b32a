import torch

from onsite.judge.cases import case


def run(sub, shape, p, training, *, seed, dtype=torch.float32):
    gx = torch.Generator().manual_seed(seed + 1000)
    x = torch.randn(*shape, generator=gx, dtype=dtype) + 2.0
    g = torch.Generator().manual_seed(seed)
    y = sub.dropout(x, p, training, g)
    # The generator's next numbers show whether (and how much) it was used.
    return {"y": y, "next_draw": torch.rand(4, generator=g)}


@case("training, p = 0.5, (B, T, D) = (2, 3, 8)", atol=1e-6, rtol=1e-5)
def half(sub):
    return run(sub, (2, 3, 8), 0.5, True, seed=0)


@case("training, p = 0.1, float64 input", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return run(sub, (5, 7), 0.1, True, seed=1, dtype=torch.float64)


@case("training, p = 0.9: most elements dropped, survivors scaled by 10", atol=1e-5,
      rtol=1e-5)
def high_p(sub):
    return run(sub, (4, 16), 0.9, True, seed=2)


@case("eval mode: identity, generator untouched", atol=0, rtol=0)
def eval_mode(sub):
    return run(sub, (3, 5), 0.5, False, seed=3)


@case("p = 0: identity, generator untouched", atol=0, rtol=0)
def p_zero(sub):
    return run(sub, (3, 5), 0.0, True, seed=4)


@case("p = 1: all zeros, no NaN, generator untouched", atol=0, rtol=0)
def p_one(sub):
    return run(sub, (3, 5), 1.0, True, seed=5)


@case("gradient w.r.t. x is keep / (1 - p)", atol=1e-12, rtol=1e-10)
def grad(sub):
    gx = torch.Generator().manual_seed(6)
    x = torch.randn(4, 6, generator=gx, dtype=torch.float64, requires_grad=True)
    up = torch.randn(4, 6, generator=gx, dtype=torch.float64)
    y = sub.dropout(x, 0.3, True, torch.Generator().manual_seed(7))
    (y * up).sum().backward()
    return {"y": y.detach(), "grad_x": x.grad}


@case("two calls with one generator draw different masks", atol=1e-6, rtol=1e-5)
def two_calls(sub):
    g = torch.Generator().manual_seed(8)
    x = torch.ones(3, 10)
    return {"first": sub.dropout(x, 0.4, True, g), "second": sub.dropout(x, 0.4, True, g),
            "next_draw": torch.rand(4, generator=g)}
