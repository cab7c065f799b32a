import torch

from onsite.judge.cases import case


def setup(K, V, *, seed, dtype=torch.float64, sharp=1.0):
    """Target rows p (K + 1, V), draft rows q (K, V), draft tokens drawn from q, uniforms."""
    g = torch.Generator().manual_seed(seed)
    p = torch.softmax(torch.randn(K + 1, V, generator=g, dtype=dtype) * sharp, dim=-1)
    # The draft is a noisy copy of the target, as a small model would be.
    q = torch.softmax(p[:K].log() + torch.randn(K, V, generator=g, dtype=dtype), dim=-1)
    tokens = torch.multinomial(q, 1, generator=g).reshape(K)
    u = torch.rand(K, generator=g, dtype=dtype)
    return tokens, q, p, u


def run(sub, tokens, q, p, u, seed, suffix=""):
    out, n = sub.speculative_accept(tokens.clone(), q.clone(), p.clone(), u.clone(),
                                    torch.Generator().manual_seed(seed))
    return {f"tokens{suffix}": out, f"n_accepted{suffix}": int(n)}


@case("K = 4, V = 10: six draws with different outcomes", atol=0, rtol=0)
def typical(sub):
    out = {}
    for s in range(6):
        out.update(run(sub, *setup(4, 10, seed=s), seed=100 + s, suffix=f"_{s}"))
    return out


@case("draft equals target: every token accepted, bonus from the last row", atol=0, rtol=0)
def all_accepted(sub):
    tokens, _, p, u = setup(5, 8, seed=10)
    return run(sub, tokens, p[:5].clone(), p, u, seed=11)


@case("first draft token has zero target probability: rejected at once", atol=0, rtol=0)
def reject_first(sub):
    tokens, q, p, u = setup(3, 6, seed=12)
    p = p.clone()
    p[0, tokens[0]] = 0.0
    p[0] /= p[0].sum()
    return run(sub, tokens, q, p, u, seed=13)


@case("u = 0 and p(x) = 0: the comparison is strict, so x is rejected", atol=0, rtol=0)
def strict(sub):
    tokens, q, p, _ = setup(2, 5, seed=14)
    p = p.clone()
    p[1, tokens[1]] = 0.0
    p[1] /= p[1].sum()
    u = torch.tensor([0.0, 0.0], dtype=torch.float64)
    return run(sub, tokens, q, p, u, seed=15)


@case("the residual excludes tokens the draft over-covers", atol=0, rtol=0)
def residual(sub):
    # Target mass sits on tokens 0-2, the draft's on 3-5: a rejection must land in 0-2,
    # in proportion to max(0, p - q). Eight draws with different generators.
    p = torch.tensor([[0.5, 0.3, 0.2, 0.0, 0.0, 0.0], [0.1, 0.2, 0.3, 0.2, 0.1, 0.1]],
                     dtype=torch.float64)
    q = torch.tensor([[0.05, 0.05, 0.1, 0.4, 0.3, 0.1]], dtype=torch.float64)
    out = {}
    for s in range(8):
        out.update(run(sub, torch.tensor([3]), q, p, torch.tensor([0.5], dtype=torch.float64),
                       seed=20 + s, suffix=f"_{s}"))
    return out


@case("K = 1 and a long draft K = 8", atol=0, rtol=0)
def lengths(sub):
    return {**run(sub, *setup(1, 7, seed=30), seed=31, suffix="_K1"),
            **run(sub, *setup(8, 12, seed=32, sharp=0.3), seed=33, suffix="_K8")}


@case("float32 probabilities", atol=0, rtol=0)
def float32(sub):
    out = {}
    for s in range(4):
        out.update(run(sub, *setup(3, 9, seed=40 + s, dtype=torch.float32), seed=50 + s,
                       suffix=f"_{s}"))
    return out


@case("distribution of the first emitted token is the target's (300 trials)", atol=0.09, rtol=0.0)
def distribution(sub):
    # atol 0.09: from 300 trials each frequency has a standard error of at most 0.029, so a
    # correct implementation that draws differently still lands inside; drawing the correction
    # from p or from |p - q| shifts some frequency by 0.15 or more here.
    p = torch.tensor([[0.6, 0.25, 0.1, 0.05], [0.25, 0.25, 0.25, 0.25]], dtype=torch.float64)
    q = torch.tensor([[0.1, 0.2, 0.3, 0.4]], dtype=torch.float64)
    g = torch.Generator().manual_seed(60)
    trials = 300
    draws = torch.multinomial(q.expand(trials, -1), 1, replacement=True, generator=g).reshape(-1)
    uniforms = torch.rand(trials, generator=g, dtype=torch.float64)
    counts = [0] * 4
    for t in range(trials):
        out, _ = sub.speculative_accept(draws[t:t + 1], q, p, uniforms[t:t + 1], g)
        counts[int(out[0])] += 1
    return {"first_token_frequencies": torch.tensor(counts, dtype=torch.float64) / trials}
