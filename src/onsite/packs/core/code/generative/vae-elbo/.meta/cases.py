import math

import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def encoder_outputs(B, Z, *, seed, dtype=torch.float32):
    mu = randn(B, Z, seed=seed, dtype=dtype)
    logvar = randn(B, Z, seed=seed + 1, dtype=dtype, scale=0.8)
    eps = randn(B, Z, seed=seed + 2, dtype=dtype)
    return mu, logvar, eps


def soft_targets(B, D, *, seed, dtype=torch.float32):
    """Values in [0, 1], some exactly 0 or 1 (binarised pixels) and some in between."""
    u = torch.rand(B, D, generator=torch.Generator().manual_seed(seed), dtype=dtype)
    return torch.where(u < 0.3, torch.zeros_like(u), torch.where(u > 0.7, torch.ones_like(u), u))


@case("reparameterize: log-variance gives the standard deviation", atol=1e-6, rtol=1e-5)
def reparam(sub):
    mu, logvar, eps = encoder_outputs(4, 6, seed=0)
    return {"z": sub.reparameterize(mu, logvar, eps)}


@case("kl_standard_normal: one value per example, summed over Z", atol=1e-5, rtol=1e-5)
def kl(sub):
    mu, logvar, _ = encoder_outputs(5, 8, seed=3)
    return {"kl": sub.kl_standard_normal(mu, logvar),
            "kl at the prior (mu=0, logvar=0)": sub.kl_standard_normal(torch.zeros(2, 3),
                                                                       torch.zeros(2, 3))}


@case("negative ELBO, Bernoulli logits, batch 6", atol=1e-4, rtol=1e-5)
def bernoulli(sub):
    mu, logvar, _ = encoder_outputs(6, 4, seed=6)
    x = soft_targets(6, 20, seed=7)
    logits = randn(6, 20, seed=8, scale=2.0)
    return {"loss": sub.negative_elbo(x, logits, mu, logvar, likelihood="bernoulli"),
            "loss (default likelihood)": sub.negative_elbo(x, logits, mu, logvar)}


@case("negative ELBO, unit-variance Gaussian (constant included)", atol=1e-4, rtol=1e-5)
def gaussian(sub):
    mu, logvar, _ = encoder_outputs(3, 5, seed=9)
    x = randn(3, 12, seed=10)
    mean = randn(3, 12, seed=11, scale=0.5)
    return {"loss": sub.negative_elbo(x, mean, mu, logvar, likelihood="gaussian")}


@case("Bernoulli logits of +-200 stay finite (float32)", atol=1e-3, rtol=1e-5)
def large_logits(sub):
    # sigmoid(-200) underflows to 0 in float32, so log(sigmoid(.)) is -inf; the loss
    # itself is about 200 per wrong pixel (absolute tolerance 1e-3 on values near 1e3).
    x = torch.tensor([[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.5]])
    logits = torch.tensor([[-200.0, 200.0, 200.0, -200.0], [150.0, -120.0, 90.0, 0.0]])
    mu, logvar, _ = encoder_outputs(2, 3, seed=12)
    return {"loss": sub.negative_elbo(x, logits, mu, logvar)}


@case("batch of one, one latent, one pixel", atol=1e-6, rtol=1e-5)
def tiny(sub):
    mu = torch.tensor([[0.5]])
    logvar = torch.tensor([[math.log(4.0)]])
    eps = torch.tensor([[-1.5]])
    x = torch.tensor([[1.0]])
    logits = torch.tensor([[0.3]])
    return {"z": sub.reparameterize(mu, logvar, eps), "kl": sub.kl_standard_normal(mu, logvar),
            "loss": sub.negative_elbo(x, logits, mu, logvar)}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    mu, logvar, eps = encoder_outputs(4, 3, seed=13, dtype=torch.float64)
    x = soft_targets(4, 7, seed=14, dtype=torch.float64)
    logits = randn(4, 7, seed=15, dtype=torch.float64)
    return {"z": sub.reparameterize(mu, logvar, eps), "kl": sub.kl_standard_normal(mu, logvar),
            "loss": sub.negative_elbo(x, logits, mu, logvar)}


@case("gradients through encoder -> z -> decoder -> loss (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    B, Z, D = 5, 3, 9
    mu, logvar, eps = encoder_outputs(B, Z, seed=16, dtype=torch.float64)
    w = randn(Z, D, seed=19, dtype=torch.float64)
    x = soft_targets(B, D, seed=20, dtype=torch.float64)
    out = {}
    for likelihood in ("bernoulli", "gaussian"):
        m, lv, wd = (t.clone().requires_grad_(True) for t in (mu, logvar, w))
        z = sub.reparameterize(m, lv, eps)
        loss = sub.negative_elbo(x, z @ wd, m, lv, likelihood=likelihood)
        loss.backward()
        out[f"loss ({likelihood})"] = loss
        out[f"grad_mu ({likelihood})"] = m.grad
        out[f"grad_logvar ({likelihood})"] = lv.grad
        out[f"grad_decoder ({likelihood})"] = wd.grad
    return out
