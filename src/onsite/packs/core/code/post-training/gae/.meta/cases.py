import torch

from onsite.judge.cases import case


def rollout(N, T, *, seed, dtype=torch.float32, p_done=0.15):
    g = torch.Generator().manual_seed(seed)
    rewards = torch.randn(N, T, generator=g, dtype=dtype)
    values = torch.randn(N, T, generator=g, dtype=dtype)
    dones = torch.rand(N, T, generator=g) < p_done
    last_values = torch.randn(N, generator=g, dtype=dtype)
    return rewards, values, dones, last_values


def run(sub, inputs, **kw):
    adv, ret = sub.gae(*inputs, **kw)
    return {"advantages": adv, "returns": ret}


@case("batch 4 x 12 with episode ends inside, defaults", atol=1e-5, rtol=1e-5)
def basic(sub):
    return run(sub, rollout(4, 12, seed=0))


@case("the worked example", atol=1e-6, rtol=1e-5)
def example(sub):
    inputs = (torch.tensor([[1.0, 0.0, 2.0]]), torch.tensor([[0.5, 1.0, 1.5]]),
              torch.tensor([[False, True, False]]), torch.tensor([3.0]))
    return run(sub, inputs, gamma=0.9, lam=0.5)


@case("no dones: every row is truncated and bootstrapped", atol=1e-5, rtol=1e-5)
def truncated(sub):
    return run(sub, rollout(3, 10, seed=1, p_done=0.0), gamma=0.95, lam=0.9)


@case("last step done: last_values must be ignored", atol=1e-5, rtol=1e-5)
def terminal(sub):
    r, v, d, last = rollout(3, 8, seed=2, p_done=0.0)
    d[:, -1] = True
    d[1, 3] = True
    return run(sub, (r, v, d, last * 100), gamma=0.99, lam=0.95)


@case("lambda 0 (one-step TD) and lambda 1 (Monte Carlo)", atol=1e-5, rtol=1e-5)
def extremes(sub):
    inputs = rollout(2, 9, seed=3)
    a0, r0 = sub.gae(*inputs, gamma=0.9, lam=0.0)
    a1, r1 = sub.gae(*inputs, gamma=0.9, lam=1.0)
    return {"advantages (lam=0)": a0, "returns (lam=0)": r0, "advantages (lam=1)": a1,
            "returns (lam=1)": r1}


@case("T = 1", atol=1e-6, rtol=1e-5)
def length_one(sub):
    r, v, d, last = rollout(5, 1, seed=4, p_done=0.5)
    return run(sub, (r, v, d, last), gamma=0.97, lam=0.9)


@case("RLHF shape: reward only at the end, one episode per row (float64)", atol=1e-12, rtol=1e-10,
      strict_dtype=True)
def rlhf(sub):
    r, v, _, last = rollout(3, 16, seed=5, dtype=torch.float64)
    r = torch.zeros_like(r)
    r[:, -1] = torch.tensor([1.0, -0.5, 2.0], dtype=torch.float64)
    d = torch.zeros(3, 16, dtype=torch.bool)
    d[:, -1] = True
    return run(sub, (r, v, d, last), gamma=1.0, lam=0.95)


@case("long rollout, T = 200, gamma 0.999", atol=1e-4, rtol=1e-5)
def long(sub):
    return run(sub, rollout(4, 200, seed=6, p_done=0.02), gamma=0.999, lam=0.97)


@case("outputs carry no gradient when values do", atol=0, rtol=0)
def no_grad(sub):
    r, v, d, last = rollout(2, 4, seed=7)
    v.requires_grad_(True)
    adv, ret = sub.gae(r, v, d, last)
    return {"requires_grad": [bool(adv.requires_grad), bool(ret.requires_grad)]}
