import torch

from onsite.judge.cases import case


def batch(B, V, L, *, seed, dtype=torch.float32, pad_frac=0.0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, V, generator=g, dtype=dtype) * 2
    # Draw ids from a small range so repeats are common.
    ids = torch.randint(0, min(V, max(2, L)), (B, L), generator=g)
    if pad_frac:
        ids[torch.rand(B, L, generator=g) < pad_frac] = -1
    return logits, ids


def run(sub, logits, ids, penalty, suffix=""):
    original = logits.clone()
    out = sub.apply_repetition_penalty(logits, ids.clone(), penalty)
    return {f"logits{suffix}": out,
            f"input_unchanged{suffix}": bool(torch.equal(logits, original))}


@case("batch of 3, repeats in the history, penalty 1.3", atol=1e-6, rtol=1e-5)
def basic(sub):
    logits, ids = batch(3, 10, 8, seed=0)
    return run(sub, logits, ids, 1.3)


@case("a token seen four times is penalised once", atol=1e-6, rtol=1e-5)
def repeats(sub):
    logits = torch.tensor([[2.0, -1.0, 0.5, 3.0, -4.0], [1.0, 1.0, -2.0, 0.0, 6.0]])
    ids = torch.tensor([[0, 0, 0, 0, 4, 4], [4, 2, 2, 2, 2, 3]])
    return run(sub, logits, ids, 2.0)


@case("padding (-1) anywhere is ignored; the last token is not touched", atol=1e-6, rtol=1e-5)
def padding(sub):
    logits = torch.tensor([[1.5, -0.5, 2.0, 0.7, -3.0, 4.0],
                           [-2.0, 1.0, 0.3, 2.5, -1.0, -6.0],
                           [0.8, 0.9, -0.2, 1.1, 5.0, 2.2]])
    ids = torch.tensor([[0, -1, 3, -1, -1],
                        [-1, -1, -1, -1, -1],
                        [0, 2, 0, -1, 1]])
    return run(sub, logits, ids, 1.5)


@case("padding after a real token 0 must not erase it", atol=1e-6, rtol=1e-5)
def pad_after_zero(sub):
    logits = torch.tensor([[3.0, -1.0, 2.0, 1.0], [-2.0, 4.0, 1.0, 0.5]])
    ids = torch.tensor([[2, 0, -1, -1], [0, 1, -1, 3]])
    return run(sub, logits, ids, 3.0)


@case("rows use only their own history", atol=1e-6, rtol=1e-5)
def own_history(sub):
    logits, ids = batch(4, 12, 5, seed=1, pad_frac=0.2)
    return run(sub, logits, ids + (torch.arange(4)[:, None] * 2) * (ids >= 0), 1.7)


@case("empty history (L = 0) changes nothing", atol=0, rtol=0)
def empty(sub):
    logits, _ = batch(2, 7, 1, seed=2)
    return run(sub, logits, torch.zeros(2, 0, dtype=torch.int64), 1.5)


@case("penalty below 1 encourages repeats (0.6)", atol=1e-6, rtol=1e-5)
def encourage(sub):
    logits, ids = batch(3, 9, 6, seed=3, pad_frac=0.3)
    return run(sub, logits, ids, 0.6)


@case("float64, V = 500, L = 64, padding", atol=1e-12, rtol=1e-12, strict_dtype=True)
def float64(sub):
    g = torch.Generator().manual_seed(4)
    logits = torch.randn(4, 500, generator=g, dtype=torch.float64) * 3
    ids = torch.randint(0, 500, (4, 64), generator=g)
    ids[torch.rand(4, 64, generator=g) < 0.25] = -1
    return run(sub, logits, ids, 1.2)
