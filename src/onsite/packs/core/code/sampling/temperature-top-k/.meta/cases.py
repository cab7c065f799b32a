import torch

from onsite.judge.cases import case


def randn_logits(*shape, seed=0, scale=2.0, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype) * scale


def filtered(sub, logits, k, temperature=1.0, suffix=""):
    out = sub.top_k_filter(logits.clone(), k, temperature)
    # "kept" makes a wrong set show up as a readable True/False difference.
    return {f"kept{suffix}": torch.isfinite(out), f"logits{suffix}": out}


@case("batch of 4 rows, k=3", atol=1e-6, rtol=1e-5)
def batch(sub):
    return filtered(sub, randn_logits(4, 10, seed=1), 3)


@case("k=1 keeps only the maximum", atol=1e-6, rtol=1e-5)
def k_one(sub):
    return filtered(sub, randn_logits(5, 12, seed=2), 1)


@case("k >= V keeps every token (k = V and k = V + 5)", atol=1e-6, rtol=1e-5)
def k_large(sub):
    logits = randn_logits(3, 7, seed=3)
    return {**filtered(sub, logits, 7, 1.5, suffix="_k=V"),
            **filtered(sub, logits, 12, 1.5, suffix="_k=V+5")}


@case("ties at the k-th value: every tied token stays (V=24)", atol=1e-6, rtol=1e-5)
def ties(sub):
    g = torch.Generator().manual_seed(5)
    logits = torch.randint(0, 4, (4, 24), generator=g).to(torch.float32)
    return {**filtered(sub, logits, 3, suffix="_k=3"),
            **filtered(sub, logits, 8, suffix="_k=8"),
            **filtered(sub, torch.tensor([5.0, 4.0, 4.0, 1.0]), 2, suffix="_small")}


@case("temperature 0.5 and 2.0 scale the kept logits", atol=1e-6, rtol=1e-5)
def temperature(sub):
    logits = randn_logits(3, 10, seed=4, scale=1.5)
    return {**filtered(sub, logits, 4, 0.5, suffix="_t0.5"),
            **filtered(sub, logits, 4, 2.0, suffix="_t2.0")}


@case("3-D input (B, T, V) with temperature 0.7", atol=1e-6, rtol=1e-5)
def three_d(sub):
    return filtered(sub, randn_logits(2, 3, 16, seed=6), 5, 0.7)


@case("float64 in, float64 out", atol=1e-12, rtol=1e-12, strict_dtype=True)
def float64(sub):
    return filtered(sub, randn_logits(3, 9, seed=7, dtype=torch.float64), 4, 1.3)


@case("sampling with a fixed generator, (B, T, V) input", atol=0, rtol=0, strict_dtype=True)
def sampling(sub):
    logits = randn_logits(4, 5, 12, seed=8)
    g = torch.Generator().manual_seed(1234)
    return {"tokens": sub.sample_top_k(logits.clone(), 4, g, temperature=0.7)}


@case("empirical frequencies over 2000 draws", atol=0.05, rtol=0.0,
      tolerances={"mass_outside_top_k": (0.0, 0.0)})
def frequencies(sub):
    # atol 0.05: each frequency from 2000 draws has a standard error of at most 0.011, so a
    # correct sampler that draws its random numbers differently still lands well inside.
    row = torch.tensor([2.0, 1.0, 0.5, 0.0, -0.5, -1.0, 1.5, -2.0])
    g = torch.Generator().manual_seed(2024)
    n = 2000
    tokens = sub.sample_top_k(row.expand(n, -1).clone(), 3, g, temperature=0.8).reshape(-1)
    freq = torch.bincount(tokens, minlength=row.numel()).to(torch.float64) / n
    outside = sum(freq[i].item() for i in range(8) if i not in (0, 1, 6))
    return {"frequencies": freq, "mass_outside_top_k": outside}
