import torch

from onsite.judge.cases import case


def batch(N, T, *, seed, dtype=torch.float32, drift=0.3):
    g = torch.Generator().manual_seed(seed)
    old = torch.randn(N, T, generator=g, dtype=dtype)
    values = old + torch.randn(N, T, generator=g, dtype=dtype) * drift
    returns = old + torch.randn(N, T, generator=g, dtype=dtype)
    return values, old, returns


def span(starts, ends, T):
    pos = torch.arange(T)[None, :]
    return (pos >= torch.tensor(starts)[:, None]) & (pos < torch.tensor(ends)[:, None])


def run(sub, values, old, returns, mask, **kw):
    loss, clip_frac = sub.clipped_value_loss(values, old, returns, mask, **kw)
    return {"loss": loss, "clip_frac": clip_frac}


@case("batch 4, unequal lengths, eps 0.2", atol=1e-6, rtol=1e-5)
def basic(sub):
    values, old, returns = batch(4, 10, seed=0)
    return run(sub, values, old, returns, span([1, 0, 4, 2], [10, 6, 9, 3], 10))


@case("the worked example", atol=1e-6, rtol=1e-5)
def example(sub):
    return run(sub, torch.tensor([[1.5, 0.0, 2.0]]), torch.tensor([[1.0, 0.5, 2.0]]),
               torch.tensor([[2.0, 1.0, 1.0]]), torch.ones(1, 3, dtype=torch.bool), clip_eps=0.2)


@case("values equal old values: plain half MSE, nothing clipped", atol=1e-6, rtol=1e-5)
def unchanged(sub):
    _, old, returns = batch(3, 6, seed=1)
    return run(sub, old.clone(), old, returns, span([0, 2, 1], [6, 6, 4], 6))


@case("large critic moves, eps 0.1 and 0.5", atol=1e-6, rtol=1e-5)
def large_moves(sub):
    values, old, returns = batch(3, 8, seed=2, drift=1.0)
    mask = span([0, 1, 3], [8, 7, 8], 8)
    a = run(sub, values, old, returns, mask, clip_eps=0.1)
    b = run(sub, values, old, returns, mask, clip_eps=0.5)
    return {"loss (0.1)": a["loss"], "clip_frac (0.1)": a["clip_frac"],
            "loss (0.5)": b["loss"], "clip_frac (0.5)": b["clip_frac"]}


@case("values at large scale (returns around 100)", atol=1e-4, rtol=1e-5)
def scale(sub):
    # An eps of 0.2 is tiny next to values of order 100: almost everything moving is clipped.
    values, old, returns = batch(2, 6, seed=3, drift=2.0)
    return run(sub, values * 50, old * 50, returns * 50, torch.ones(2, 6, dtype=torch.bool))


@case("mask with holes; garbage outside the mask", atol=1e-6, rtol=1e-5)
def holes(sub):
    values, old, returns = batch(2, 7, seed=4)
    mask = torch.tensor([[1, 0, 1, 0, 1, 1, 0], [0, 0, 1, 1, 1, 0, 1]])
    values[mask == 0] = 1e3
    return run(sub, values, old, returns, mask)


@case("one sequence of 9 tokens and one of 1: token mean", atol=1e-6, rtol=1e-5)
def token_mean(sub):
    values, old, returns = batch(2, 9, seed=5, drift=0.6)
    return run(sub, values, old, returns, span([0, 0], [9, 1], 9), clip_eps=0.15)


@case("gradient w.r.t. values: zero where clipped (float64)", atol=1e-12, rtol=1e-9, strict_dtype=True)
def gradient(sub):
    values, old, returns = batch(3, 7, seed=6, dtype=torch.float64, drift=0.5)
    values.requires_grad_(True)
    loss, clip_frac = sub.clipped_value_loss(values, old, returns, span([0, 2, 1], [7, 7, 5], 7))
    loss.backward()
    return {"loss": loss, "clip_frac": clip_frac, "grad_values": values.grad}
