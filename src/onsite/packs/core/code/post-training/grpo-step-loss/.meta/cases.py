import torch

from onsite.judge.cases import case


def batch(n_prompts, G, T, *, seed, lengths=None, drift=0.3, dtype=torch.float64, binary=False):
    """Token log-probs for N = n_prompts * G completions; new and ref drift from old."""
    g = torch.Generator().manual_seed(seed)
    N = n_prompts * G
    old = -torch.rand(N, T, generator=g, dtype=dtype) * 3 - 0.05
    new = old + torch.randn(N, T, generator=g, dtype=dtype) * drift
    ref = old + torch.randn(N, T, generator=g, dtype=dtype) * drift
    if binary:
        rewards = torch.randint(0, 2, (N,), generator=g).to(dtype)
    else:
        rewards = torch.randn(N, generator=g, dtype=dtype)
    if lengths is None:
        lengths = torch.randint(1, T + 1, (N,), generator=g).tolist()
    mask = torch.arange(T)[None, :] < torch.tensor(lengths)[:, None]
    return new, old, ref, rewards, mask


def run(sub, new, old, ref, rewards, mask, G, **kw):
    new = new.clone().requires_grad_(True)
    loss, adv, per_token = sub.grpo_loss(new, old, ref, rewards, mask, G, **kw)
    loss.backward()
    return {"loss": loss, "advantages": adv, "per-token loss": per_token, "grad logprobs": new.grad}


@case("2 prompts x 4 completions, ragged masks, sequence-level mean")
def typical(sub):
    return run(sub, *batch(2, 4, 7, seed=0), 4)


@case("the same batch with the DAPO token-level mean")
def token_level(sub):
    return run(sub, *batch(2, 4, 7, seed=0), 4, token_level=True)


@case("large policy drift: clipping active on both sides, binary rewards")
def clipping(sub):
    return run(sub, *batch(3, 4, 6, seed=1, drift=1.0, binary=True), 4, clip_eps=0.1, beta=0.1)


@case("one prompt, G = 2, beta = 0 (pure clipped objective)")
def single_group(sub):
    return run(sub, *batch(1, 2, 5, seed=2), 2, beta=0.0)


@case("a group whose rewards are all equal gets zero advantage (KL only)")
def equal_rewards(sub):
    new, old, ref, rewards, mask = batch(2, 3, 5, seed=3)
    rewards[:3] = 0.5
    return run(sub, new, old, ref, rewards, mask, 3, beta=0.2)


@case("a completion with no tokens, lengths 1 and T, first iteration (new == old)")
def edge_lengths(sub):
    new, old, ref, rewards, mask = batch(2, 3, 6, seed=4, lengths=[0, 1, 6, 6, 2, 1])
    return run(sub, old.clone(), old, ref, rewards, mask, 3, token_level=False)


@case("many groups of 8, long sequences, token-level")
def many_groups(sub):
    return run(sub, *batch(4, 8, 20, seed=5, binary=True), 8, token_level=True, beta=0.02)


# float32 inputs: sums over up to 64 tokens in a different order; float32 rounding only.
@case("float32 stays float32", atol=1e-5, rtol=1e-4, strict_dtype=True)
def float32(sub):
    return run(sub, *batch(2, 4, 8, seed=6, dtype=torch.float32), 4)
