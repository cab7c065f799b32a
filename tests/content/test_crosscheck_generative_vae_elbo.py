"""Cross-checks for generative/vae-elbo: the reference against torch.distributions (Normal,
kl_divergence, rsample with a fixed eps) and F.binary_cross_entropy_with_logits."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong
from torch.distributions import Normal, kl_divergence

ITEM = "generative/vae-elbo"
ref = reference(ITEM)


def batch(seed, B=6, Z=4, D=10, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    mu = torch.randn(B, Z, generator=g, dtype=dtype)
    logvar = torch.randn(B, Z, generator=g, dtype=dtype)
    eps = torch.randn(B, Z, generator=g, dtype=dtype)
    x = torch.rand(B, D, generator=g, dtype=dtype)
    out = torch.randn(B, D, generator=g, dtype=dtype) * 3
    return mu, logvar, eps, x, out


def oracle_loss(x, out, mu, logvar, likelihood):
    q = Normal(mu, torch.exp(0.5 * logvar))
    prior = Normal(torch.zeros_like(mu), torch.ones_like(mu))
    kl = kl_divergence(q, prior).sum(-1)
    if likelihood == "bernoulli":
        nll = F.binary_cross_entropy_with_logits(out, x, reduction="none").sum(-1)
    else:
        nll = -Normal(out, torch.ones_like(out)).log_prob(x).sum(-1)
    return (nll + kl).mean()


@pytest.mark.parametrize("seed", range(5))
def test_reparameterize_matches_normal_rsample_path(seed):
    mu, logvar, eps, *_ = batch(seed)
    std = torch.exp(0.5 * logvar)
    # Normal(mu, std).rsample draws mu + std * eps; reproduce its eps with the same generator
    torch.manual_seed(seed)
    z = Normal(mu, std).rsample()
    torch.manual_seed(seed)
    eps_used = torch.randn(mu.shape, dtype=mu.dtype)
    torch.testing.assert_close(ref.reparameterize(mu, logvar, eps_used), z)


@pytest.mark.parametrize("seed", range(5))
def test_kl_matches_torch_distributions(seed):
    mu, logvar, *_ = batch(seed)
    want = kl_divergence(Normal(mu, torch.exp(0.5 * logvar)), Normal(0.0, 1.0)).sum(-1)
    torch.testing.assert_close(ref.kl_standard_normal(mu, logvar), want)


@pytest.mark.parametrize("likelihood", ["bernoulli", "gaussian"])
@pytest.mark.parametrize("seed", range(5))
def test_loss_and_gradients_match_oracle(seed, likelihood):
    mu, logvar, eps, x, out = batch(seed)
    leaves = [t.clone().requires_grad_(True) for t in (mu, logvar, out)]
    ours = ref.negative_elbo(x, *leaves[2:], *leaves[:2], likelihood=likelihood)
    ours.backward()
    other = [t.clone().requires_grad_(True) for t in (mu, logvar, out)]
    want = oracle_loss(x, other[2], other[0], other[1], likelihood)
    want.backward()
    torch.testing.assert_close(ours, want)
    for a, b in zip(leaves, other, strict=True):
        torch.testing.assert_close(a.grad, b.grad)


def test_gradient_through_sample_matches_finite_differences():
    mu, logvar, eps, x, _ = batch(9, B=2, Z=2, D=3)
    w = torch.randn(2, 3, generator=torch.Generator().manual_seed(1), dtype=torch.float64)

    def f(m, lv):
        return ref.negative_elbo(x, ref.reparameterize(m, lv, eps) @ w, m, lv)

    assert torch.autograd.gradcheck(f, (mu.requires_grad_(True), logvar.requires_grad_(True)))


def test_worked_example_and_stability():
    mu = torch.tensor([[0.5, -1.0]])
    logvar = torch.tensor([[0.0, math.log(4.0)]])
    assert torch.allclose(ref.reparameterize(mu, logvar, torch.tensor([[1.0, 0.5]])),
                          torch.tensor([[1.5, 0.0]]))
    loss = ref.negative_elbo(torch.tensor([[1.0, 0.0]]), torch.tensor([[2.0, -1.0]]), mu, logvar)
    assert loss.item() == pytest.approx(1.8720, abs=1e-4)
    x = torch.tensor([[1.0, 0.0]])
    logits = torch.tensor([[-200.0, 200.0]])
    big = ref.negative_elbo(x, logits, torch.zeros(1, 1), torch.zeros(1, 1))
    assert torch.isfinite(big) and big.item() == pytest.approx(400.0, rel=1e-6)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracle_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    mu, logvar, eps, x, out = batch(3)
    disagree = False
    for likelihood in ("bernoulli", "gaussian"):
        got = bad.negative_elbo(x, out, mu, logvar, likelihood=likelihood)
        disagree |= not torch.allclose(got, oracle_loss(x, out, mu, logvar, likelihood))
    z = mu + torch.exp(0.5 * logvar) * eps
    disagree |= not torch.allclose(bad.reparameterize(mu, logvar, eps), z)
    xs, ls = torch.tensor([[1.0, 0.0]]), torch.tensor([[-200.0, 200.0]])
    got = bad.negative_elbo(xs, ls, torch.zeros(1, 1), torch.zeros(1, 1))
    disagree |= not torch.isfinite(got).item()
    assert disagree
