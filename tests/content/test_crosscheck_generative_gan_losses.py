"""Cross-checks for generative/gan-losses: the reference against
F.binary_cross_entropy_with_logits with explicit labels, and against the definitions in
plain Python floats (math.log of the sigmoid) where those are finite."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong

ITEM = "generative/gan-losses"
ref = reference(ITEM)


def bce(logits, label):
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, label))


def sigmoid(v):
    return 1 / (1 + math.exp(-v))


@pytest.mark.parametrize("seed", range(6))
def test_matches_bce_with_logits(seed):
    g = torch.Generator().manual_seed(seed)
    real = torch.randn(7, 1, generator=g, dtype=torch.float64) * 4
    fake = torch.randn(4, 1, generator=g, dtype=torch.float64) * 4
    torch.testing.assert_close(ref.discriminator_loss(real, fake), bce(real, 1.0) + bce(fake, 0.0))
    torch.testing.assert_close(ref.generator_loss_nonsaturating(fake), bce(fake, 1.0))
    torch.testing.assert_close(ref.generator_loss_minimax(fake), -bce(fake, 0.0))


@pytest.mark.parametrize("seed", range(4))
def test_matches_definitions_in_floats(seed):
    g = torch.Generator().manual_seed(10 + seed)
    real = (torch.randn(5, generator=g, dtype=torch.float64) * 3).tolist()
    fake = (torch.randn(6, generator=g, dtype=torch.float64) * 3).tolist()
    d = (-sum(math.log(sigmoid(v)) for v in real) / len(real)
         - sum(math.log(1 - sigmoid(v)) for v in fake) / len(fake))
    ns = -sum(math.log(sigmoid(v)) for v in fake) / len(fake)
    mm = sum(math.log(1 - sigmoid(v)) for v in fake) / len(fake)
    r, f = torch.tensor(real, dtype=torch.float64), torch.tensor(fake, dtype=torch.float64)
    assert ref.discriminator_loss(r, f).item() == pytest.approx(d, rel=1e-12)
    assert ref.generator_loss_nonsaturating(f).item() == pytest.approx(ns, rel=1e-12)
    assert ref.generator_loss_minimax(f).item() == pytest.approx(mm, rel=1e-12)


def test_gradients_match_bce_and_saturation():
    fake = torch.tensor([-12.0, -3.0, 0.5, 8.0], dtype=torch.float64)
    for ours, theirs in ((ref.generator_loss_nonsaturating, lambda x: bce(x, 1.0)),
                         (ref.generator_loss_minimax, lambda x: -bce(x, 0.0))):
        a, b = fake.clone().requires_grad_(True), fake.clone().requires_grad_(True)
        ours(a).backward()
        theirs(b).backward()
        torch.testing.assert_close(a.grad, b.grad)
    leaf = torch.tensor([-12.0], dtype=torch.float64, requires_grad=True)
    ref.generator_loss_minimax(leaf).backward()
    assert abs(leaf.grad.item()) < 1e-5
    leaf.grad = None
    ref.generator_loss_nonsaturating(leaf).backward()
    assert leaf.grad.item() == pytest.approx(-1.0, abs=1e-5)


def test_large_logits_finite_float32():
    real = torch.tensor([100.0, -100.0])
    fake = torch.tensor([-100.0, 100.0])
    torch.testing.assert_close(ref.discriminator_loss(real, fake), bce(real, 1.0) + bce(fake, 0.0))
    assert torch.isfinite(ref.generator_loss_minimax(fake))


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_bce_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    real = torch.tensor([3.0, -1.0, 150.0, 0.5, 2.0])
    fake = torch.tensor([-2.0, -150.0, 1.0])
    pairs = [(bad.discriminator_loss(real, fake), bce(real, 1.0) + bce(fake, 0.0)),
             (bad.generator_loss_nonsaturating(fake), bce(fake, 1.0)),
             (bad.generator_loss_minimax(fake), -bce(fake, 0.0))]
    assert any(not torch.allclose(a, b) for a, b in pairs)
