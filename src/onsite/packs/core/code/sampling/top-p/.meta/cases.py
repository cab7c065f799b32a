import torch

from onsite.judge.cases import case


def randn_logits(*shape, seed=0, scale=2.0, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype) * scale


def filtered(sub, logits, p, temperature=1.0, suffix=""):
    out = sub.top_p_filter(logits.clone(), p, temperature)
    # "kept" makes a wrong nucleus show up as a readable True/False difference.
    return {f"kept{suffix}": torch.isfinite(out), f"logits{suffix}": out}


@case("batch of 4 rows, p=0.9", atol=1e-6, rtol=1e-5)
def batch(sub):
    return filtered(sub, randn_logits(4, 10, seed=1), 0.9)


@case("p=1.0 keeps every token, even very unlikely ones", atol=1e-6, rtol=1e-5)
def p_one(sub):
    logits = randn_logits(3, 8, seed=2)
    # In float32 the six likely tokens already sum to 1.0, so the mass before the two
    # unlikely ones is not below p = 1: the rule alone would drop them.
    logits[2] = torch.tensor([0.0, 0.0, 0.0, -30.0, 0.0, 0.0, -25.0, 0.0])
    return filtered(sub, logits, 1.0)


@case("tiny p keeps only the argmax", atol=1e-6, rtol=1e-5)
def tiny_p(sub):
    return filtered(sub, randn_logits(5, 12, seed=3), 1e-4)


@case("mass reaches p exactly: the crossing token stays (float64)", atol=0.0, rtol=0.0,
      strict_dtype=True)
def exact_boundary(sub):
    # Powers of two survive softmax and cumsum exactly, so the boundary is exact in float64.
    probs = torch.tensor([[0.5, 0.25, 0.125, 0.0625, 0.0625],
                          [0.125, 0.0625, 0.5, 0.0625, 0.25]], dtype=torch.float64)
    logits = probs.log()
    uniform = torch.zeros(2, 8, dtype=torch.float64)
    uniform[1] += 3.0
    return {
        **filtered(sub, logits, 0.75, suffix="_p0.75"),
        **filtered(sub, logits, 0.5, suffix="_p0.5"),
        **filtered(sub, uniform, 0.375, suffix="_uniform_p0.375"),
    }


@case("temperature 0.5 and 2.0 change the nucleus", atol=1e-6, rtol=1e-5)
def temperature(sub):
    logits = randn_logits(3, 10, seed=4, scale=1.5)
    return {**filtered(sub, logits, 0.8, 0.5, suffix="_t0.5"),
            **filtered(sub, logits, 0.8, 2.0, suffix="_t2.0")}


@case("ties: equal probabilities keep the lower index first (V=24)", atol=1e-6, rtol=1e-5)
def ties(sub):
    g = torch.Generator().manual_seed(5)
    logits = torch.randint(0, 3, (4, 24), generator=g).to(torch.float32)
    return {**filtered(sub, logits, 0.3, suffix="_p0.3"),
            **filtered(sub, logits, 0.6, suffix="_p0.6")}


@case("3-D input (B, T, V) with temperature 1.3", atol=1e-6, rtol=1e-5)
def three_d(sub):
    return filtered(sub, randn_logits(2, 3, 16, seed=6), 0.7, 1.3)


@case("large logits (scale 50) stay finite", atol=1e-3, rtol=1e-5)
def large(sub):
    # Logits around 1e2 overflow a softmax that does not subtract the row maximum.
    # atol: the kept logits are about 1e2 in float32, a few ulps of that is ~1e-5.
    return filtered(sub, randn_logits(4, 10, seed=7, scale=50.0), 0.95)


@case("sampling with a fixed generator, (B, T, V) input", atol=0, rtol=0, strict_dtype=True)
def sampling(sub):
    logits = randn_logits(4, 5, 12, seed=8)
    g = torch.Generator().manual_seed(1234)
    tokens = sub.sample_top_p(logits.clone(), 0.8, g, temperature=0.7)
    return {"tokens": tokens}


@case("empirical frequencies over 2000 draws", atol=0.05, rtol=0.0,
      tolerances={"mass_outside_nucleus": (0.0, 0.0)})
def frequencies(sub):
    # atol 0.05: each frequency from 2000 draws has a standard error of at most 0.011, so a
    # correct sampler that draws its random numbers differently still lands well inside.
    row = torch.tensor([2.0, 1.0, 0.5, 0.0, -0.5, -1.0, 1.5, -2.0])
    g = torch.Generator().manual_seed(2024)
    n = 2000
    tokens = sub.sample_top_p(row.expand(n, -1).clone(), 0.85, g).reshape(-1)
    freq = torch.bincount(tokens, minlength=row.numel()).to(torch.float64) / n
    # The nucleus of this row, written out so this case does not trust the submission's filter.
    probs = torch.softmax(row.double(), dim=-1).tolist()
    ranked = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    nucleus, mass = set(), 0.0
    for i in ranked:
        nucleus.add(i)
        mass += probs[i]
        if mass >= 0.85:
            break
    outside = sum(freq[i].item() for i in range(len(probs)) if i not in nucleus)
    return {"frequencies": freq, "mass_outside_nucleus": outside}
