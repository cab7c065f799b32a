"""Cross-checks for generative/ddim-step: eta = 1 on consecutive steps against the DDPM posterior
q(x_{t-1} | x_t, x0) written from its own formula, eta = 0 against the exact re-noising of a known
x0, and the loop against a plain-Python per-element oracle."""

from __future__ import annotations

import math

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "generative/ddim-step"
ref = reference(ITEM)


def schedule(T=1000, start=1e-4, end=0.02):
    betas = torch.linspace(start, end, T, dtype=torch.float64)
    return betas, torch.cumprod(1 - betas, 0)


@pytest.mark.parametrize("t", [1, 10, 500, 999])
def test_eta_one_is_the_ddpm_ancestral_step(t):
    betas, ab = schedule()
    g = torch.Generator().manual_seed(t)
    x_t, eps, z = (torch.randn(3, 5, generator=g, dtype=torch.float64) for _ in range(3))
    got, x0 = ref.ddim_step(x_t, eps, ab, t, t - 1, eta=1.0, noise=z)
    beta, a_t, a_prev = betas[t], ab[t], ab[t - 1]
    x0_hat = (x_t - (1 - a_t).sqrt() * eps) / a_t.sqrt()
    # DDPM posterior mean and variance (Ho et al. 2020, eq. 7)
    mean = a_prev.sqrt() * beta / (1 - a_t) * x0_hat + (1 - beta).sqrt() * (1 - a_prev) / (1 - a_t) * x_t
    var = (1 - a_prev) / (1 - a_t) * beta
    torch.testing.assert_close(x0, x0_hat)
    torch.testing.assert_close(got, mean + var.sqrt() * z, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("t,t_prev", [(999, 899), (500, 0), (30, 29), (700, -1)])
def test_eta_zero_with_true_noise_is_exact(t, t_prev):
    _, ab = schedule()
    g = torch.Generator().manual_seed(t)
    x0, eps = (torch.randn(2, 3, 4, generator=g, dtype=torch.float64) for _ in range(2))
    x_t = ab[t].sqrt() * x0 + (1 - ab[t]).sqrt() * eps
    a_p = ab[t_prev] if t_prev >= 0 else torch.tensor(1.0, dtype=torch.float64)
    got, x0_pred = ref.ddim_step(x_t, eps, ab, t, t_prev)
    torch.testing.assert_close(x0_pred, x0)
    torch.testing.assert_close(got, a_p.sqrt() * x0 + (1 - a_p).sqrt() * eps)


def loop_oracle(model, x_T, ab, timesteps, eta, noises):
    x = x_T.tolist()
    shape = x_T.shape
    for i, t in enumerate(timesteps):
        t_prev = timesteps[i + 1] if i + 1 < len(timesteps) else -1
        eps = model(torch.tensor(x, dtype=x_T.dtype).reshape(shape), t).flatten().tolist()
        a, p = float(ab[t]), (float(ab[t_prev]) if t_prev >= 0 else 1.0)
        s = eta * math.sqrt((1 - p) / (1 - a) * (1 - a / p))
        z = noises[i].flatten().tolist() if noises else [0.0] * len(eps)
        flat = torch.tensor(x, dtype=x_T.dtype).flatten().tolist()
        new = []
        for xv, ev, zv in zip(flat, eps, z, strict=True):
            x0 = (xv - math.sqrt(1 - a) * ev) / math.sqrt(a)
            new.append(math.sqrt(p) * x0 + math.sqrt(max(1 - p - s * s, 0.0)) * ev + s * zv)
        x = torch.tensor(new, dtype=x_T.dtype).reshape(shape).tolist()
    return torch.tensor(x, dtype=x_T.dtype)


@pytest.mark.parametrize("eta", [0.0, 0.3, 1.0])
def test_loop_matches_oracle(eta):
    _, ab = schedule()
    g = torch.Generator().manual_seed(5)
    x_T = torch.randn(2, 4, generator=g, dtype=torch.float64)
    w = torch.randn(4, generator=g, dtype=torch.float64)
    timesteps = [999, 750, 500, 250, 100, 1]
    noises = [torch.randn(2, 4, generator=g, dtype=torch.float64) for _ in timesteps]

    def model(x, t):
        return torch.sin(w * x) + t / 1000

    got = ref.ddim_sample(model, x_T, ab, timesteps, eta, noises if eta else None)
    torch.testing.assert_close(got, loop_oracle(model, x_T, ab, timesteps, eta, noises))


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracles_catch_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    _, ab = schedule()
    g = torch.Generator().manual_seed(8)
    x_T = torch.randn(2, 3, generator=g, dtype=torch.float64)
    w = torch.randn(3, generator=g, dtype=torch.float64)
    noises = [torch.randn(2, 3, generator=g, dtype=torch.float64) for _ in range(4)]

    def model(x, t):
        return torch.tanh(w * x) + t / 1000

    disagree = False
    for eta in (0.0, 1.0):
        timesteps = [900, 600, 300, 50]
        want = loop_oracle(model, x_T, ab, timesteps, eta, noises)
        disagree |= not torch.allclose(bad.ddim_sample(model, x_T, ab, timesteps, eta, noises), want)
    assert disagree
