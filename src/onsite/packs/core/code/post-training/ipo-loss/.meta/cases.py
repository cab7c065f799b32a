import torch

from onsite.judge.cases import case


def token_logps(B, T, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    pc, pr = (-torch.rand(B, T, generator=g, dtype=dtype) * 3 for _ in range(2))
    # The reference is near the policy, as it is early in training.
    rc = pc + torch.randn(B, T, generator=g, dtype=dtype) * 0.3
    rr = pr + torch.randn(B, T, generator=g, dtype=dtype) * 0.3
    return pc, pr, rc, rr


def span(starts, ends, T):
    pos = torch.arange(T)[None, :]
    return (pos >= torch.tensor(starts)[:, None]) & (pos < torch.tensor(ends)[:, None])


def run(sub, inputs, cm, rm, **kw):
    loss, margins = sub.ipo_loss(*inputs, cm, rm, **kw)
    return {"loss": loss, "margins": margins}


@case("summed log-probs, batch 4, different lengths", atol=1e-5, rtol=1e-5)
def summed(sub):
    cm, rm = span([1, 2, 0, 3], [8, 5, 4, 7], 8), span([1, 2, 0, 3], [6, 8, 8, 4], 8)
    return run(sub, token_logps(4, 8, seed=0), cm, rm, beta=0.1)


@case("averaged log-probs (average_tokens=True)", atol=1e-5, rtol=1e-5)
def averaged(sub):
    cm, rm = span([1, 2, 0, 3], [8, 5, 4, 7], 8), span([1, 2, 0, 3], [6, 8, 8, 4], 8)
    return run(sub, token_logps(4, 8, seed=1), cm, rm, beta=0.1, average_tokens=True)


@case("beta 0.05, 0.5 and 2.0", atol=1e-4, rtol=1e-5)
def betas(sub):
    # beta 0.05 makes the target 10, so the loss is of order 100: atol 1e-4 is float32 at that size.
    inputs = token_logps(3, 6, seed=2)
    cm, rm = span([0, 1, 2], [6, 6, 5], 6), span([0, 1, 2], [4, 5, 6], 6)
    out = {}
    for beta in (0.05, 0.5, 2.0):
        loss, margins = sub.ipo_loss(*inputs, cm, rm, beta=beta)
        out[f"loss (beta={beta})"] = loss
        out[f"margins (beta={beta})"] = margins
    return out


@case("policy equal to the reference: loss (1/(2 beta))^2", atol=1e-6, rtol=1e-6)
def identical(sub):
    pc, pr, _, _ = token_logps(3, 5, seed=3)
    m = torch.ones(3, 5, dtype=torch.bool)
    loss, margins = sub.ipo_loss(pc, pr, pc.clone(), pr.clone(), m, m, beta=0.4)
    return {"loss": loss, "margins": margins}


@case("masked entries hold garbage (-1e9) and must not count", atol=1e-5, rtol=1e-5)
def garbage(sub):
    pc, pr, rc, rr = token_logps(2, 6, seed=4)
    cm = torch.tensor([[0, 1, 1, 1, 0, 0], [0, 0, 1, 0, 1, 1]])
    rm = torch.tensor([[0, 1, 1, 1, 1, 1], [0, 0, 1, 1, 0, 0]])
    for t, mk in ((pc, cm), (rc, cm), (pr, rm), (rr, rm)):
        t[mk == 0] = -1e9
    return {"sum": run(sub, (pc, pr, rc, rr), cm, rm, beta=0.25)["loss"],
            "mean": run(sub, (pc, pr, rc, rr), cm, rm, beta=0.25, average_tokens=True)["loss"]}


@case("gradients w.r.t. policy log-probs, both modes (float64)", atol=1e-12, rtol=1e-9,
      strict_dtype=True)
def gradient(sub):
    cm, rm = span([1, 0, 2], [6, 3, 7], 7), span([1, 0, 2], [4, 7, 5], 7)
    out = {}
    for avg in (False, True):
        pc, pr, rc, rr = token_logps(3, 7, seed=5, dtype=torch.float64)
        pc.requires_grad_(True)
        pr.requires_grad_(True)
        loss, _ = sub.ipo_loss(pc, pr, rc, rr, cm, rm, beta=0.3, average_tokens=avg)
        loss.backward()
        out[f"loss (avg={avg})"] = loss
        out[f"grad_policy_chosen (avg={avg})"] = pc.grad
        out[f"grad_policy_rejected (avg={avg})"] = pr.grad
    return out


@case("batch of one, single response token each", atol=1e-6, rtol=1e-5)
def single(sub):
    pc, pr, rc, rr = (torch.tensor([[v, -7.0]]) for v in (-0.5, -2.0, -1.0, -1.5))
    m = torch.tensor([[True, False]])
    return run(sub, (pc, pr, rc, rr), m, m, beta=0.2, average_tokens=True)


@case("margins are detached, the loss is not", atol=0, rtol=0)
def detached(sub):
    pc, pr, rc, rr = token_logps(2, 4, seed=6)
    pc.requires_grad_(True)
    m = torch.ones(2, 4)
    loss, margins = sub.ipo_loss(pc, pr, rc, rr, m, m)
    return {"requires_grad": [bool(loss.requires_grad), bool(margins.requires_grad)]}
