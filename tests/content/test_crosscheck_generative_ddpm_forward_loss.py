"""Cross-checks for generative/ddpm-forward-loss: the reference against a plain-Python oracle
(a loop product for alpha-bar, math.sqrt per element), the iterated one-step chain, and
torch.nn.functional.mse_loss for the loss."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong

ITEM = "generative/ddpm-forward-loss"
ref = reference(ITEM)


def oracle_schedule(T, start, end):
    betas = [start + (end - start) * i / (T - 1) if T > 1 else start for i in range(T)]
    bars, running = [], 1.0
    for b in betas:
        running *= 1.0 - b
        bars.append(running)
    return betas, bars


@pytest.mark.parametrize("T,start,end", [(1000, 1e-4, 0.02), (7, 0.05, 0.4), (1, 0.3, 0.9), (2, 0.1, 0.2)])
def test_schedule_matches_loops(T, start, end):
    betas, bars = oracle_schedule(T, start, end)
    got_b = ref.linear_beta_schedule(T, start, end)
    assert got_b.dtype == torch.float64 and got_b.shape == (T,)
    torch.testing.assert_close(got_b, torch.tensor(betas, dtype=torch.float64), rtol=1e-12, atol=1e-15)
    torch.testing.assert_close(ref.alpha_bars(got_b), torch.tensor(bars, dtype=torch.float64),
                               rtol=1e-12, atol=1e-15)


def test_known_tail_value():
    ab = ref.alpha_bars(ref.linear_beta_schedule(1000))
    assert ab[-1].item() == pytest.approx(4.036e-5, rel=1e-3)


@pytest.mark.parametrize("seed", range(4))
def test_q_sample_matches_per_element_loop(seed):
    g = torch.Generator().manual_seed(seed)
    _, bars = oracle_schedule(100, 1e-4, 0.02)
    ab = torch.tensor(bars, dtype=torch.float64)
    x0 = torch.randn(3, 2, 4, generator=g, dtype=torch.float64)
    noise = torch.randn(3, 2, 4, generator=g, dtype=torch.float64)
    t = torch.randint(0, 100, (3,), generator=g)
    got = ref.q_sample(x0, t, noise, ab)
    for b in range(3):
        a = bars[int(t[b])]
        for i in range(2):
            for j in range(4):
                want = math.sqrt(a) * x0[b, i, j].item() + math.sqrt(1 - a) * noise[b, i, j].item()
                assert got[b, i, j].item() == pytest.approx(want, rel=1e-12, abs=1e-12)


def test_closed_form_matches_the_chain_in_distribution():
    """Running the one-step chain t+1 times gives mean sqrt(ab) x0 and variance 1 - ab."""
    T = 20
    betas = ref.linear_beta_schedule(T, 0.01, 0.2)
    ab = ref.alpha_bars(betas)
    g = torch.Generator().manual_seed(0)
    n = 40_000
    x0 = torch.full((n,), 1.5, dtype=torch.float64)
    x = x0.clone()
    for s in range(T):
        x = (1 - betas[s]).sqrt() * x + betas[s].sqrt() * torch.randn(n, generator=g, dtype=torch.float64)
        # standard error ~ 1/sqrt(n) = 0.005 for the mean, less for the variance: 0.025 is 5 of them
        assert x.mean().item() == pytest.approx(ab[s].sqrt().item() * 1.5, abs=0.025)
        assert x.var().item() == pytest.approx(1 - ab[s].item(), abs=0.025)
    direct = ref.q_sample(x0, torch.full((n,), T - 1), torch.randn(n, generator=g, dtype=torch.float64), ab)
    assert direct.var().item() == pytest.approx(x.var().item(), abs=0.025)


def test_loss_matches_mse_loss_and_gradients():
    g = torch.Generator().manual_seed(1)
    ab = ref.alpha_bars(ref.linear_beta_schedule(50))
    x0 = torch.randn(4, 3, 5, generator=g, dtype=torch.float64)
    noise = torch.randn(4, 3, 5, generator=g, dtype=torch.float64)
    t = torch.tensor([0, 7, 49, 20])
    w = torch.randn(5, 5, generator=g, dtype=torch.float64, requires_grad=True)
    w2 = w.detach().clone().requires_grad_(True)
    loss = ref.ddpm_loss(lambda x, tt: x @ w + tt[:, None, None] / 50, x0, t, noise, ab)
    loss.backward()
    a = ab[t].view(-1, 1, 1)
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
    want = F.mse_loss(x_t @ w2 + t[:, None, None] / 50, noise)
    want.backward()
    torch.testing.assert_close(loss, want)
    torch.testing.assert_close(w.grad, w2.grad)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracle_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    _, bars = oracle_schedule(10, 0.05, 0.3)
    disagree = not torch.allclose(bad.alpha_bars(bad.linear_beta_schedule(10, 0.05, 0.3)),
                                  torch.tensor(bars, dtype=torch.float64))
    ab = torch.tensor(bars, dtype=torch.float64)
    g = torch.Generator().manual_seed(2)
    x0 = torch.randn(4, 3, 4, generator=g, dtype=torch.float64)
    noise = torch.randn(4, 3, 4, generator=g, dtype=torch.float64)
    t = torch.tensor([0, 9, 3, 5])
    a = ab[t].view(-1, 1, 1)
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
    disagree |= not torch.allclose(bad.q_sample(x0, t, noise, ab), x_t)
    model = lambda x, tt: torch.sin(x)  # noqa: E731
    disagree |= not torch.allclose(bad.ddpm_loss(model, x0, t, noise, ab),
                                   F.mse_loss(torch.sin(x_t), noise))
    assert disagree
