"""Cross-checks for generative/ddpm-sampler-cfg:
1. against a sampler written independently in the posterior form (predict x0 from eps, then
   the two-coefficient posterior mean of q(x_{t-1} | x_t, x0)), on several seeds;
2. a statistical check: with the exact noise predictor of Gaussian class-conditional data,
   guided sampling with w = 1 must reproduce that class's mean and standard deviation."""

from __future__ import annotations

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "generative/ddpm-sampler-cfg"
ref = reference(ITEM)


def toy_model(dim, seed):
    g = torch.Generator().manual_seed(seed)
    W = torch.randn(dim, dim, generator=g, dtype=torch.float64) * 0.4
    E = torch.randn(4, dim, generator=g, dtype=torch.float64)

    def eps(x, t, c):
        h = x @ W + 0.01 * t
        if c is not None:
            h = h + E[c]
        return torch.sin(h)

    return eps


def posterior_form_sampler(model, x_T, betas, cond, w, noises, capture_t, variance):
    a = 1 - betas
    ab = torch.cumprod(a, 0)
    ab_prev = torch.cat([torch.ones(1, dtype=ab.dtype), ab[:-1]])
    x, captured = x_T, None
    for t in reversed(range(len(betas))):
        if t == capture_t:
            captured = x.clone()
        e_c, e_u = model(x, t, cond), model(x, t, None)
        e = (1 - w) * e_u + w * e_c
        x0 = (x - (1 - ab[t]).sqrt() * e) / ab[t].sqrt()
        c0 = ab_prev[t].sqrt() * betas[t] / (1 - ab[t])
        ct = a[t].sqrt() * (1 - ab_prev[t]) / (1 - ab[t])
        mean = c0 * x0 + ct * x
        var = betas[t] * (1 - ab_prev[t]) / (1 - ab[t]) if variance == "posterior" else betas[t]
        x = mean + (var.sqrt() * noises[t] if t > 0 else 0)
    return x, captured


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("variance", ["posterior", "beta"])
def test_matches_posterior_form(seed, variance):
    T, B, D = 60, 5, 3
    g = torch.Generator().manual_seed(seed)
    betas = torch.linspace(1e-3, 0.08, T, dtype=torch.float64)
    x_T = torch.randn(B, D, generator=g, dtype=torch.float64)
    noises = torch.randn(T, B, D, generator=g, dtype=torch.float64)
    cond = torch.randint(0, 4, (B,), generator=g)
    w = [0.0, 1.0, 2.5, 6.0][seed]
    model = toy_model(D, seed)
    got = ref.ddpm_sample_cfg(model, x_T, betas, cond, w, noises, 17, variance)
    want = posterior_form_sampler(model, x_T, betas, cond, w, noises, 17, variance)
    for a, b in zip(got, want, strict=True):
        torch.testing.assert_close(a, b, atol=1e-11, rtol=1e-9)


MEANS = torch.tensor([[2.0, -1.0], [-1.5, 0.5]], dtype=torch.float64)
STD = 0.5


def exact_eps(betas):
    """E[eps | x_t] for data ~ N(MEANS[c], STD^2 I), and for the equal mixture when c is None."""
    ab = torch.cumprod(1 - betas, 0)

    def per_class(x, a, m):
        return (1 - a).sqrt() * (x - a.sqrt() * m) / (a * STD ** 2 + 1 - a)

    def eps(x, t, c):
        a = ab[t]
        if c is not None:
            return per_class(x, a, MEANS[c])
        var = a * STD ** 2 + 1 - a
        logw = torch.stack([-((x - a.sqrt() * m) ** 2).sum(-1) / (2 * var) for m in MEANS], -1)
        post = torch.softmax(logw, -1)  # p(c | x_t)
        return sum(post[:, k:k + 1] * per_class(x, a, MEANS[k]) for k in range(len(MEANS)))

    return eps


def sample_exact(fn, n=4000, T=400, variance="posterior", w=1.0, label=0):
    betas = torch.linspace(1e-4, 0.02 * 1000 / T, T, dtype=torch.float64)
    g = torch.Generator().manual_seed(123)
    x_T = torch.randn(n, 2, generator=g, dtype=torch.float64)
    noises = torch.randn(T, n, 2, generator=g, dtype=torch.float64)
    cond = torch.full((n,), label)
    x0, _ = fn(exact_eps(betas), x_T, betas, cond, w, noises, 0, variance)
    return x0


@pytest.mark.parametrize("variance", ["posterior", "beta"])
@pytest.mark.parametrize("label", [0, 1])
def test_exact_model_recovers_the_class_distribution(variance, label):
    x0 = sample_exact(ref.ddpm_sample_cfg, variance=variance, label=label)
    # 4000 samples: the standard error of the mean is 0.5 / sqrt(4000) = 0.008.
    torch.testing.assert_close(x0.mean(0), MEANS[label], atol=0.04, rtol=0)
    torch.testing.assert_close(x0.std(0), torch.full((2,), STD, dtype=torch.float64),
                               atol=0.04, rtol=0)


def test_unguided_exact_model_recovers_the_mixture():
    x0 = sample_exact(ref.ddpm_sample_cfg, w=0.0)
    frac_class0 = float((x0[:, 0] > 0.25).double().mean())
    assert math.isclose(frac_class0, 0.5, abs_tol=0.04)


@pytest.mark.parametrize("name", ["alpha_bar_in_mean", "guidance_other_convention",
                                  "alpha_bar_prev_wraps_around"])
def test_wrong_variants_miss_the_distribution(name):
    bad = wrong(ITEM, name)
    x0 = sample_exact(bad.ddpm_sample_cfg)
    mean_ok = torch.allclose(x0.mean(0), MEANS[0], atol=0.04)
    std_ok = torch.allclose(x0.std(0), torch.full((2,), STD, dtype=torch.float64), atol=0.04)
    assert not (mean_ok and std_ok)
