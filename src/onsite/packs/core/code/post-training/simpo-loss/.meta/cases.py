import torch

from onsite.judge.cases import case


def logps(B, T, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return (-torch.rand(B, T, generator=g, dtype=dtype) * 3,
            -torch.rand(B, T, generator=g, dtype=dtype) * 3)


def span(starts, ends, T):
    pos = torch.arange(T)[None, :]
    return (pos >= torch.tensor(starts)[:, None]) & (pos < torch.tensor(ends)[:, None])


def run(sub, pc, pr, cm, rm, **kw):
    loss, rc, rr = sub.simpo_loss(pc, pr, cm, rm, **kw)
    return {"loss": loss, "chosen_rewards": rc, "rejected_rewards": rr}


@case("batch 4, different response lengths, defaults", atol=1e-5, rtol=1e-5)
def basic(sub):
    pc, pr = logps(4, 9, seed=0)
    cm, rm = span([1, 2, 0, 4], [9, 4, 6, 5], 9), span([1, 2, 0, 4], [3, 9, 9, 8], 9)
    return run(sub, pc, pr, cm, rm)


@case("beta 2.5, gamma 0.3; beta 10, gamma 3", atol=1e-5, rtol=1e-5)
def params(sub):
    pc, pr = logps(3, 6, seed=1)
    cm, rm = span([0, 1, 2], [6, 6, 4], 6), span([0, 1, 2], [3, 5, 6], 6)
    a = run(sub, pc, pr, cm, rm, beta=2.5, gamma=0.3)
    b = run(sub, pc, pr, cm, rm, beta=10.0, gamma=3.0)
    return {**{k + " (2.5, 0.3)": v for k, v in a.items()}, **{k + " (10, 3)": v for k, v in b.items()}}


@case("gamma 0", atol=1e-5, rtol=1e-5)
def no_margin(sub):
    pc, pr = logps(5, 4, seed=2)
    m = torch.ones(5, 4, dtype=torch.bool)
    return run(sub, pc, pr, m, m, beta=1.0, gamma=0.0)


@case("masked entries hold garbage (-1e9)", atol=1e-5, rtol=1e-5)
def garbage(sub):
    pc, pr = logps(2, 6, seed=3)
    cm = torch.tensor([[0, 1, 1, 0, 1, 0], [0, 0, 1, 1, 1, 1]])
    rm = torch.tensor([[1, 1, 0, 0, 0, 0], [0, 1, 0, 1, 0, 1]])
    pc[cm == 0] = -1e9
    pr[rm == 0] = -1e9
    return run(sub, pc, pr, cm, rm, beta=2.0, gamma=0.5)


@case("reward gaps of +-500 stay finite (float32)", atol=1e-3, rtol=1e-5)
def large(sub):
    # The loss is about 250 here; atol 1e-3 is float32 rounding at that size.
    pc = torch.tensor([[-0.1, -0.1], [-60.0, -40.0]])
    pr = torch.tensor([[-50.0, -50.0], [-0.2, -0.2]])
    m = torch.ones(2, 2)
    return run(sub, pc, pr, m, m, beta=10.0, gamma=1.0)


@case("gradients w.r.t. both policy log-prob tensors (float64)", atol=1e-12, rtol=1e-9,
      strict_dtype=True)
def gradient(sub):
    pc, pr = logps(3, 7, seed=4, dtype=torch.float64)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    cm, rm = span([1, 0, 3], [7, 2, 6], 7), span([1, 0, 3], [4, 7, 7], 7)
    loss, _, _ = sub.simpo_loss(pc, pr, cm, rm, beta=2.0, gamma=0.8)
    loss.backward()
    return {"loss": loss, "grad_chosen": pc.grad, "grad_rejected": pr.grad}


@case("batch of one, one token each", atol=1e-6, rtol=1e-5)
def single(sub):
    return run(sub, torch.tensor([[-0.7]]), torch.tensor([[-1.9]]), torch.ones(1, 1),
               torch.ones(1, 1), beta=2.0, gamma=1.0)


@case("rewards are detached, the loss is not", atol=0, rtol=0)
def detached(sub):
    pc, pr = logps(2, 3, seed=5)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    m = torch.ones(2, 3)
    loss, rc, rr = sub.simpo_loss(pc, pr, m, m)
    return {"requires_grad": [bool(t.requires_grad) for t in (loss, rc, rr)]}
