import torch

from onsite.judge.cases import case


def logps(B, T, *, seed, dtype=torch.float32, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    return (-torch.rand(B, T, generator=g, dtype=dtype) * scale - 0.01,
            -torch.rand(B, T, generator=g, dtype=dtype) * scale - 0.01)


def span(starts, ends, T):
    pos = torch.arange(T)[None, :]
    return (pos >= torch.tensor(starts)[:, None]) & (pos < torch.tensor(ends)[:, None])


def run(sub, pc, pr, cm, rm, **kw):
    loss, sft, orl, lor = sub.orpo_loss(pc, pr, cm, rm, **kw)
    return {"loss": loss, "sft_loss": sft, "or_loss": orl, "log_odds_ratio": lor}


@case("batch 4, different lengths, lambda 0.1", atol=1e-5, rtol=1e-5)
def basic(sub):
    pc, pr = logps(4, 9, seed=0)
    cm, rm = span([1, 2, 0, 4], [9, 4, 6, 5], 9), span([1, 2, 0, 4], [3, 9, 9, 8], 9)
    return run(sub, pc, pr, cm, rm)


@case("the worked example, lambda 0.5", atol=1e-5, rtol=1e-5)
def example(sub):
    pc = torch.tensor([[-0.2, -0.4, -9.0]])
    pr = torch.tensor([[-1.0, -2.0, -3.0]])
    return run(sub, pc, pr, torch.tensor([[1, 1, 0]]), torch.tensor([[1, 1, 1]]), lam=0.5)


@case("lambda 0 (pure SFT on chosen) and lambda 1", atol=1e-5, rtol=1e-5)
def lambdas(sub):
    pc, pr = logps(3, 6, seed=1)
    cm, rm = span([0, 1, 2], [6, 6, 4], 6), span([0, 1, 2], [3, 5, 6], 6)
    a = run(sub, pc, pr, cm, rm, lam=0.0)
    b = run(sub, pc, pr, cm, rm, lam=1.0)
    return {"loss (lam=0)": a["loss"], "loss (lam=1)": b["loss"], "or_loss": b["or_loss"],
            "log_odds_ratio": b["log_odds_ratio"]}


@case("probabilities near 1 stay finite (float32, average log-prob -1e-7)", atol=1e-4, rtol=1e-4)
def near_one(sub):
    # log odds of about 16 here; float32 gives about 4 significant digits for log(-expm1(l)).
    pc = torch.tensor([[-1e-7, -1e-7, -1e-7], [-1e-6, -3e-6, -5.0]])
    pr = torch.tensor([[-0.5, -1.0, -2.0], [-1e-7, -1e-7, -1e-7]])
    cm = torch.tensor([[1, 1, 1], [1, 1, 0]])
    rm = torch.ones(2, 3)
    return run(sub, pc, pr, cm, rm, lam=0.2)


@case("very unlikely responses (average log-prob -30)", atol=1e-4, rtol=1e-5)
def unlikely(sub):
    pc, pr = logps(3, 5, seed=2, scale=60.0)
    m = torch.ones(3, 5, dtype=torch.bool)
    return run(sub, pc, pr, m, m, lam=0.3)


@case("masked entries hold garbage (-1e9)", atol=1e-5, rtol=1e-5)
def garbage(sub):
    pc, pr = logps(2, 6, seed=3)
    cm = torch.tensor([[0, 1, 1, 0, 1, 0], [0, 0, 1, 1, 1, 1]])
    rm = torch.tensor([[1, 1, 0, 0, 0, 0], [0, 1, 0, 1, 0, 1]])
    pc[cm == 0] = -1e9
    pr[rm == 0] = -1e9
    return run(sub, pc, pr, cm, rm, lam=0.1)


@case("gradients w.r.t. both log-prob tensors (float64)", atol=1e-12, rtol=1e-9, strict_dtype=True)
def gradient(sub):
    pc, pr = logps(3, 7, seed=4, dtype=torch.float64)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    cm, rm = span([1, 0, 3], [7, 2, 6], 7), span([1, 0, 3], [4, 7, 7], 7)
    loss, _, _, _ = sub.orpo_loss(pc, pr, cm, rm, lam=0.25)
    loss.backward()
    return {"loss": loss, "grad_chosen": pc.grad, "grad_rejected": pr.grad}


@case("the log odds ratio is detached, the losses are not", atol=0, rtol=0)
def detached(sub):
    pc, pr = logps(2, 3, seed=5)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    m = torch.ones(2, 3)
    out = sub.orpo_loss(pc, pr, m, m)
    return {"requires_grad": [bool(t.requires_grad) for t in out]}
