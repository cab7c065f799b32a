import torch

from onsite.judge.cases import case


def randn_logits(*shape, seed=0, scale=2.0, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype) * scale


def filtered(sub, logits, p_min, temperature=1.0, suffix=""):
    out = sub.min_p_filter(logits.clone(), p_min, temperature)
    # "kept" makes a wrong set show up as a readable True/False difference.
    return {f"kept{suffix}": torch.isfinite(out), f"logits{suffix}": out}


@case("batch of 4 rows, p_min=0.1", atol=1e-6, rtol=1e-5)
def batch(sub):
    return filtered(sub, randn_logits(4, 10, seed=1), 0.1)


@case("p_min 0.05, 0.3 and 0.7 on the same rows", atol=1e-6, rtol=1e-5)
def several(sub):
    logits = randn_logits(3, 12, seed=2, scale=1.5)
    return {**filtered(sub, logits, 0.05, suffix="_p0.05"),
            **filtered(sub, logits, 0.3, suffix="_p0.3"),
            **filtered(sub, logits, 0.7, suffix="_p0.7")}


@case("temperature 0.5 and 2.0 change the kept set", atol=1e-6, rtol=1e-5)
def temperature(sub):
    logits = randn_logits(3, 10, seed=4, scale=1.5)
    return {**filtered(sub, logits, 0.15, 0.5, suffix="_t0.5"),
            **filtered(sub, logits, 0.15, 2.0, suffix="_t2.0")}


@case("threshold hit exactly: powers of two (float32), inclusive", atol=0.0, rtol=0.0)
def exact_boundary(sub):
    # softmax(log p) is exact in float32 for these p; 0.25 * 0.5 = 0.125 is a probability.
    probs = torch.tensor([[0.5, 0.25, 0.125, 0.0625, 0.0625],
                          [0.0625, 0.125, 0.0625, 0.25, 0.5]])
    logits = probs.log()
    return {**filtered(sub, logits, 0.25, suffix="_p0.25"),
            **filtered(sub, logits, 0.5, suffix="_p0.5")}


@case("p_min = 0 keeps all; p_min = 1 keeps the tied maxima", atol=1e-6, rtol=1e-5)
def extremes(sub):
    logits = torch.tensor([[1.0, 3.0, 3.0, -2.0, 0.5], [0.0, -1.0, 4.0, 2.0, 4.0]])
    return {**filtered(sub, logits, 0.0, suffix="_p0"),
            **filtered(sub, logits, 1.0, suffix="_p1")}


@case("3-D input (B, T, V), logits offset by 500 stay finite", atol=1e-3, rtol=1e-5)
def large(sub):
    # exp(500) overflows float32 without the max shift. atol: kept values are ~500 in
    # float32, whose ulp is 3e-5. No probability lies within 1e-3 (relative) of the threshold.
    return filtered(sub, randn_logits(2, 3, 16, seed=7) + 500.0, 0.1)


@case("float64 in, float64 out", atol=1e-12, rtol=1e-12, strict_dtype=True)
def float64(sub):
    return filtered(sub, randn_logits(3, 9, seed=8, dtype=torch.float64), 0.2, 1.3)


@case("sampling with a fixed generator, (B, T, V) input", atol=0, rtol=0, strict_dtype=True)
def sampling(sub):
    logits = randn_logits(4, 5, 12, seed=9)
    g = torch.Generator().manual_seed(1234)
    return {"tokens": sub.sample_min_p(logits.clone(), 0.1, g, temperature=0.8)}


@case("empirical frequencies over 2000 draws", atol=0.05, rtol=0.0,
      tolerances={"mass_outside_set": (0.0, 0.0)})
def frequencies(sub):
    # atol 0.05: each frequency from 2000 draws has a standard error of at most 0.011.
    row = torch.tensor([2.0, 1.0, 0.5, 0.0, -0.5, -1.0, 1.5, -2.0])
    g = torch.Generator().manual_seed(2024)
    n = 2000
    tokens = sub.sample_min_p(row.expand(n, -1).clone(), 0.3, g).reshape(-1)
    freq = torch.bincount(tokens, minlength=row.numel()).to(torch.float64) / n
    # exp(z - 2) >= 0.3 holds for z >= 2 + log 0.3 = 0.796: tokens 0, 1, 6.
    outside = sum(freq[i].item() for i in range(8) if i not in (0, 1, 6))
    return {"frequencies": freq, "mass_outside_set": outside}
