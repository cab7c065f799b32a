import torch

from onsite.judge.cases import case


def logps(B, T, *, seed, dtype=torch.float32, spread=0.5):
    g = torch.Generator().manual_seed(seed)
    policy = -torch.rand(B, T, generator=g, dtype=dtype) * 3
    ref = policy + torch.randn(B, T, generator=g, dtype=dtype) * spread
    scores = torch.randn(B, generator=g, dtype=dtype) * 2
    return policy, ref, scores


def span(starts, ends, T):
    pos = torch.arange(T)[None, :]
    return (pos >= torch.tensor(starts)[:, None]) & (pos < torch.tensor(ends)[:, None])


@case("rewards: prompt + response + right padding, beta 0.1", atol=1e-6, rtol=1e-5)
def right_padding(sub):
    policy, ref, scores = logps(4, 10, seed=0)
    mask = span([2, 0, 4, 1], [7, 10, 5, 9], 10)
    return {"rewards": sub.kl_penalized_rewards(policy, ref, scores, mask, beta=0.1)}


@case("rewards: left padding, 0/1 integer mask, beta 0.05", atol=1e-6, rtol=1e-5)
def left_padding(sub):
    policy, ref, scores = logps(3, 8, seed=1)
    mask = span([3, 0, 6], [8, 8, 8], 8).long()
    return {"rewards": sub.kl_penalized_rewards(policy, ref, scores, mask, beta=0.05)}


@case("rewards: single-token responses and beta 0 (score only)", atol=1e-6, rtol=1e-5)
def single_token(sub):
    policy, ref, scores = logps(3, 5, seed=2)
    mask = span([4, 0, 2], [5, 1, 3], 5)
    return {"beta=0.2": sub.kl_penalized_rewards(policy, ref, scores, mask, beta=0.2),
            "beta=0": sub.kl_penalized_rewards(policy, ref, scores, mask, beta=0.0)}


@case("rewards: garbage log-probs outside the mask do not leak (float64)", atol=1e-12, rtol=1e-10,
      strict_dtype=True)
def garbage(sub):
    policy, ref, scores = logps(2, 6, seed=3, dtype=torch.float64)
    mask = span([1, 2], [4, 6], 6)
    policy[~mask] = 1e6
    return {"rewards": sub.kl_penalized_rewards(policy, ref, scores, mask, beta=0.3)}


@case("rewards carry no gradient", atol=0, rtol=0)
def rewards_detached(sub):
    policy, ref, scores = logps(2, 4, seed=4)
    policy.requires_grad_(True)
    scores.requires_grad_(True)
    out = sub.kl_penalized_rewards(policy, ref, scores, torch.ones(2, 4, dtype=torch.bool))
    return {"requires_grad": bool(out.requires_grad)}


@case("estimators: k1, k2, k3 on random log-probs", atol=1e-6, rtol=1e-5)
def estimators(sub):
    policy, ref, _ = logps(3, 7, seed=5, spread=1.0)
    k1, k2, k3 = sub.kl_estimators(policy, ref)
    return {"k1": k1, "k2": k2, "k3": k3}


@case("estimators: |log r| up to 20 (float64)", atol=1e-9, rtol=1e-10, strict_dtype=True)
def estimators_tails(sub):
    policy = torch.tensor([-0.1, -20.0, -5.0, -1.0], dtype=torch.float64)
    ref = torch.tensor([-20.1, -0.0, -5.0, -1.5], dtype=torch.float64)
    k1, k2, k3 = sub.kl_estimators(policy, ref)
    return {"k1": k1, "k2": k2, "k3": k3}


@case("estimators: gradients of each mean w.r.t. the policy log-probs (float64)", atol=1e-12,
      rtol=1e-9, strict_dtype=True)
def estimators_grad(sub):
    policy, ref, _ = logps(2, 5, seed=6, dtype=torch.float64, spread=0.8)
    out = {}
    for i, name in enumerate(("k1", "k2", "k3")):
        p = policy.clone().requires_grad_(True)
        sub.kl_estimators(p, ref)[i].mean().backward()
        out[f"grad {name}"] = p.grad
    return out
