import torch

from onsite.judge.cases import case


def rollout(N, T, *, seed, dtype=torch.float32, drift=0.3):
    g = torch.Generator().manual_seed(seed)
    old = -torch.rand(N, T, generator=g, dtype=dtype) * 3
    new = old + torch.randn(N, T, generator=g, dtype=dtype) * drift
    adv = torch.randn(N, T, generator=g, dtype=dtype)
    return new, old, adv


def span(starts, ends, T):
    pos = torch.arange(T)[None, :]
    return (pos >= torch.tensor(starts)[:, None]) & (pos < torch.tensor(ends)[:, None])


def run(sub, new, old, adv, mask, **kw):
    loss, clip_frac, approx_kl = sub.ppo_policy_loss(new, old, adv, mask, **kw)
    return {"loss": loss, "clip_frac": clip_frac, "approx_kl": approx_kl}


@case("batch 4, unequal lengths, eps 0.2", atol=1e-6, rtol=1e-5)
def basic(sub):
    new, old, adv = rollout(4, 10, seed=0)
    return run(sub, new, old, adv, span([2, 0, 5, 1], [10, 3, 9, 10], 10))


@case("first epoch: ratio exactly 1 (loss = -mean A, clip_frac 0, kl 0)", atol=1e-6, rtol=1e-5)
def first_epoch(sub):
    _, old, adv = rollout(3, 6, seed=1)
    return run(sub, old.clone(), old, adv, span([1, 2, 0], [6, 5, 4], 6))


@case("large policy change: many tokens clipped, eps 0.1", atol=1e-6, rtol=1e-5)
def large_drift(sub):
    new, old, adv = rollout(3, 12, seed=2, drift=1.0)
    return run(sub, new, old, adv, span([0, 3, 1], [12, 12, 7], 12), clip_eps=0.1)


@case("mask with holes; masked entries hold garbage (+-50)", atol=1e-6, rtol=1e-5)
def holes(sub):
    new, old, adv = rollout(2, 7, seed=3)
    mask = torch.tensor([[0, 1, 0, 1, 1, 0, 1], [1, 1, 0, 0, 1, 1, 0]])
    new[mask == 0] = 50.0
    adv[mask == 0] = -50.0
    return run(sub, new, old, adv, mask)


@case("clip_frac counts only the side where the gradient is cut", atol=1e-6, rtol=1e-5)
def clip_sides(sub):
    ratios = torch.tensor([[1.5, 1.5, 0.5, 0.5, 1.05, 0.95]])
    adv = torch.tensor([[1.0, -1.0, 1.0, -1.0, 2.0, -2.0]])
    old = torch.full((1, 6), -1.0)
    return run(sub, old + ratios.log(), old, adv, torch.ones(1, 6, dtype=torch.bool))


@case("token mean is over the whole batch, not per sequence", atol=1e-6, rtol=1e-5)
def token_mean(sub):
    new, old, adv = rollout(2, 9, seed=4, drift=0.5)
    return run(sub, new, old, adv, span([0, 0], [9, 1], 9), clip_eps=0.15)


@case("gradient w.r.t. logprobs: zero on clipped tokens (float64)", atol=1e-12, rtol=1e-9,
      strict_dtype=True)
def gradient(sub):
    new, old, adv = rollout(3, 8, seed=5, dtype=torch.float64, drift=0.6)
    new.requires_grad_(True)
    out = run(sub, new, old, adv, span([1, 0, 2], [8, 5, 8], 8))
    out["loss"].backward()
    return {**out, "grad_logprobs": new.grad}


@case("diagnostics are detached, the loss is not", atol=0, rtol=0)
def detached(sub):
    new, old, adv = rollout(2, 3, seed=6)
    new.requires_grad_(True)
    loss, clip_frac, approx_kl = sub.ppo_policy_loss(new, old, adv, torch.ones(2, 3))
    return {"requires_grad": [bool(t.requires_grad) for t in (loss, clip_frac, approx_kl)]}
