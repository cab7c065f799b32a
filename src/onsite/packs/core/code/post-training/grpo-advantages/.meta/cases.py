import torch

from onsite.judge.cases import case


def gen(seed):
    return torch.Generator().manual_seed(seed)


def rollout(N, T, *, seed, dtype=torch.float32, drift=0.3, lengths=None):
    """Token log-probs of the current and old policy, and a right-padding mask."""
    g = gen(seed)
    old = -torch.rand(N, T, generator=g, dtype=dtype) * 3
    new = old + torch.randn(N, T, generator=g, dtype=dtype) * drift
    if lengths is None:
        lengths = torch.randint(1, T + 1, (N,), generator=g).tolist()
    mask = torch.arange(T)[None, :] < torch.tensor(lengths)[:, None]
    return new, old, mask


@case("groups of 4 (3 prompts)", atol=1e-5, rtol=1e-5)
def groups_of_4(sub):
    rewards = torch.randn(12, generator=gen(0)) * 2 + 1
    return {"advantages": sub.group_advantages(rewards, 4)}


@case("groups of 8 (2 prompts), eps=1e-2", atol=1e-5, rtol=1e-5)
def groups_of_8(sub):
    rewards = torch.rand(16, generator=gen(1))
    return {"advantages": sub.group_advantages(rewards, 8, eps=1e-2)}


@case("binary rewards; a group with all-equal rewards gives 0, not NaN", atol=1e-5, rtol=1e-5)
def equal_group(sub):
    rewards = torch.tensor([1.0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0])
    return {"advantages": sub.group_advantages(rewards, 4)}


@case("scale=False: only subtract the group mean", atol=1e-5, rtol=1e-5)
def unscaled(sub):
    rewards = torch.randn(15, generator=gen(2)) * 3
    return {"advantages": sub.group_advantages(rewards, 5, scale=False)}


@case("groups of 2, float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def pairs(sub):
    rewards = torch.randn(10, generator=gen(3), dtype=torch.float64)
    return {"advantages": sub.group_advantages(rewards, 2)}


@case("clip branches: A > 0 and A < 0, ratio above and below the clip range (float64)",
      atol=1e-12, rtol=1e-10)
def clip_branches(sub):
    # Rows: (A>0, ratio>1+eps), (A>0, ratio<1-eps), (A<0, ratio>1+eps), (A<0, ratio<1-eps).
    # Only rows 2 and 3 keep the unclipped term, and so a gradient.
    delta = torch.tensor([[0.5, 0.4, 0.6], [-0.5, -0.4, -0.6],
                          [0.5, 0.4, 0.6], [-0.5, -0.4, -0.6]], dtype=torch.float64)
    old = -torch.rand(4, 3, generator=gen(4), dtype=torch.float64)
    adv = torch.tensor([1.5, 1.5, -1.5, -1.5], dtype=torch.float64)
    mask = torch.ones(4, 3, dtype=torch.bool)
    losses, grads = [], []
    for i in range(4):
        logprobs = (old[i:i + 1] + delta[i:i + 1]).requires_grad_(True)
        loss = sub.grpo_loss(logprobs, old[i:i + 1], adv[i:i + 1], mask[i:i + 1])
        loss.backward()
        losses.append(loss.detach())
        grads.append(logprobs.grad[0])
    return {"loss per row": torch.stack(losses), "grad per row": torch.stack(grads)}


@case("padding: mean over each sequence's tokens, then over sequences", atol=1e-5, rtol=1e-5)
def padding(sub):
    # Lengths 1 and 12 differ a lot, so a token-level mean over the batch gives
    # a visibly different number.
    logprobs, old, mask = rollout(4, 12, seed=5, lengths=[1, 12, 3, 7])
    adv = torch.tensor([2.0, -0.5, 0.7, -1.2])
    return {"loss": sub.grpo_loss(logprobs, old, adv, mask, clip_eps=0.2)}


@case("gradient w.r.t. logprobs, padding and clip_eps=0.1 (float64)",
      atol=1e-12, rtol=1e-10, strict_dtype=True)
def gradient(sub):
    logprobs, old, mask = rollout(6, 5, seed=6, dtype=torch.float64, drift=0.2)
    adv = torch.randn(6, generator=gen(7), dtype=torch.float64)
    logprobs.requires_grad_(True)
    loss = sub.grpo_loss(logprobs, old, adv, mask, clip_eps=0.1)
    loss.backward()
    return {"loss": loss, "grad_logprobs": logprobs.grad}


@case("on-policy step (ratio 1): loss and gradient (float64)", atol=1e-12, rtol=1e-10)
def on_policy(sub):
    _, old, mask = rollout(5, 4, seed=8, dtype=torch.float64)
    adv = torch.randn(5, generator=gen(9), dtype=torch.float64)
    logprobs = old.clone().requires_grad_(True)
    loss = sub.grpo_loss(logprobs, old, adv, mask)
    loss.backward()
    return {"loss": loss, "grad_logprobs": logprobs.grad}


@case("end to end: rewards -> advantages -> loss, groups of 4 (float64)",
      atol=1e-12, rtol=1e-10)
def end_to_end(sub):
    rewards = (torch.rand(8, generator=gen(10), dtype=torch.float64) > 0.5).double()
    rewards[0] = 0.5  # partial credit in the first group
    adv = sub.group_advantages(rewards, 4)
    logprobs, old, mask = rollout(8, 6, seed=11, dtype=torch.float64, drift=0.25)
    logprobs.requires_grad_(True)
    loss = sub.grpo_loss(logprobs, old, adv, mask)
    loss.backward()
    return {"advantages": adv, "loss": loss, "grad_logprobs": logprobs.grad}
