import torch

from onsite.judge.cases import case


def rollout(N, T, *, seed, dtype=torch.float32, drift=0.3):
    g = torch.Generator().manual_seed(seed)
    old = -torch.rand(N, T, generator=g, dtype=dtype) * 3
    new = old + torch.randn(N, T, generator=g, dtype=dtype) * drift
    lengths = torch.randint(1, T + 1, (N,), generator=g)
    mask = torch.arange(T)[None, :] < lengths[:, None]
    return new, old, mask


def run(sub, new, old, rewards, mask, G, **kw):
    loss, keep = sub.dapo_loss(new, old, rewards, mask, G, **kw)
    return {"loss": loss, "keep": keep}


@case("mask: binary rewards, G = 4, two of four groups dropped", atol=0, rtol=0)
def mask_binary(sub):
    rewards = torch.tensor([1., 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0])
    return {"keep": sub.dynamic_sampling_mask(rewards, 4)}


@case("mask: continuous rewards with exact ties, G = 3", atol=0, rtol=0)
def mask_continuous(sub):
    rewards = torch.tensor([0.5, 0.5, 0.5, 0.2, 0.2, 0.7, -1.0, -1.0, -1.0, 0.0, 1e-3, 0.0])
    return {"keep": sub.dynamic_sampling_mask(rewards, 3)}


@case("loss: 4 groups of 4, some dropped, unequal lengths", atol=1e-6, rtol=1e-5)
def basic(sub):
    new, old, mask = rollout(16, 12, seed=0)
    rewards = torch.tensor([1., 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0])
    return run(sub, new, old, rewards, mask, 4)


@case("loss: every group kept, continuous rewards, G = 5", atol=1e-6, rtol=1e-5)
def all_kept(sub):
    new, old, mask = rollout(15, 9, seed=1)
    rewards = torch.randn(15, generator=torch.Generator().manual_seed(11))
    return run(sub, new, old, rewards, mask, 5)


@case("loss: large policy change, asymmetric clip (0.2, 0.28) vs (0.1, 0.5)", atol=1e-6, rtol=1e-5)
def asymmetric(sub):
    new, old, mask = rollout(8, 10, seed=2, drift=0.8)
    rewards = torch.tensor([1., 0, 1, 0, 0, 0, 1, 0])
    a = run(sub, new, old, rewards, mask, 4)
    b = run(sub, new, old, rewards, mask, 4, eps_low=0.1, eps_high=0.5)
    return {"loss (0.2, 0.28)": a["loss"], "loss (0.1, 0.5)": b["loss"], "keep": a["keep"]}


@case("loss: one long and one short answer per group (token-level weighting)", atol=1e-6, rtol=1e-5)
def token_level(sub):
    new, old, _ = rollout(4, 20, seed=3, drift=0.5)
    mask = torch.zeros(4, 20, dtype=torch.bool)
    mask[0, :20] = True
    mask[1, :2] = True
    mask[2, :3] = True
    mask[3, :17] = True
    rewards = torch.tensor([1., 0, 0, 1])
    return run(sub, new, old, rewards, mask, 2)


@case("loss: every group dropped gives exactly 0 and zero gradients", atol=0, rtol=0)
def all_dropped(sub):
    new, old, mask = rollout(6, 5, seed=4)
    new.requires_grad_(True)
    loss, keep = sub.dapo_loss(new, old, torch.tensor([1., 1, 1, 0, 0, 0]), mask, 3)
    loss.backward()
    grad = new.grad if new.grad is not None else torch.full_like(new, float("nan"))
    return {"loss": loss, "keep": keep, "grad": grad}


@case("gradient w.r.t. logprobs, G = 2 (float64)", atol=1e-12, rtol=1e-9, strict_dtype=True)
def gradient(sub):
    new, old, mask = rollout(8, 7, seed=5, dtype=torch.float64, drift=0.5)
    new.requires_grad_(True)
    rewards = torch.tensor([0.9, 0.1, 0.5, 0.5, 0.0, 1.0, 0.3, 0.8], dtype=torch.float64)
    loss, keep = sub.dapo_loss(new, old, rewards, mask, 2)
    loss.backward()
    return {"loss": loss, "keep": keep, "grad": new.grad}
