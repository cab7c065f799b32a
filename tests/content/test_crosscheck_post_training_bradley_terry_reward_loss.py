"""Cross-check post-training/bradley-terry-reward-loss against F.binary_cross_entropy_with_logits
(target 1), a plain-Python likelihood, and the closed-form gradient."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "post-training/bradley-terry-reward-loss"
ref = reference(ITEM)


def scores(B, seed, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    rc = torch.randn(B, generator=g, dtype=torch.float64) * scale
    rr = torch.randn(B, generator=g, dtype=torch.float64) * scale
    margin = torch.rand(B, generator=g, dtype=torch.float64) * 2
    return rc, rr, margin


def python_loss(rc, rr, margin):
    total = 0.0
    for c, r, m in zip(rc.tolist(), rr.tolist(), margin.tolist(), strict=True):
        z = c - r - m
        total += max(-z, 0.0) + math.log1p(math.exp(-abs(z)))  # softplus(-z)
    return total / len(rc)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("B", [1, 5, 32])
def test_matches_bce_with_logits(seed, B):
    rc, rr, margin = scores(B, seed)
    loss, acc = ref.reward_model_loss(rc, rr, margin)
    bce = F.binary_cross_entropy_with_logits(rc - rr - margin, torch.ones(B, dtype=torch.float64))
    torch.testing.assert_close(loss, bce)
    assert loss.item() == pytest.approx(python_loss(rc, rr, margin), rel=1e-12)
    assert acc.item() == pytest.approx(sum(c > r for c, r in zip(rc.tolist(), rr.tolist(),
                                                                  strict=True)) / B)
    no_margin, _ = ref.reward_model_loss(rc, rr)
    torch.testing.assert_close(no_margin, F.binary_cross_entropy_with_logits(
        rc - rr, torch.ones(B, dtype=torch.float64)))
    scalar, _ = ref.reward_model_loss(rc, rr, 0.75)
    torch.testing.assert_close(scalar, F.binary_cross_entropy_with_logits(
        rc - rr - 0.75, torch.ones(B, dtype=torch.float64)))


def test_gradient_closed_form():
    rc, rr, margin = scores(9, 42)
    rc.requires_grad_(True)
    rr.requires_grad_(True)
    loss, _ = ref.reward_model_loss(rc, rr, margin)
    loss.backward()
    w = torch.sigmoid(-(rc - rr - margin)).detach() / 9
    torch.testing.assert_close(rc.grad, -w)
    torch.testing.assert_close(rr.grad, w)


def test_large_gaps_float32():
    rc = torch.tensor([1e4, -1e4, 0.0])
    rr = torch.tensor([-1e4, 1e4, 0.0])
    loss, _ = ref.reward_model_loss(rc, rr)
    torch.testing.assert_close(loss, F.binary_cross_entropy_with_logits(rc - rr, torch.ones(3)))


@pytest.mark.parametrize("name", ["log_of_sigmoid", "margin_added", "ties_count_as_right",
                                  "accuracy_with_margin", "sum_not_mean", "hinge_instead"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    rc = torch.tensor([1e4, -300.0, 2.0, 0.5, 1.0, 3.0])
    rr = torch.tensor([0.0, 0.0, 2.0, 0.0, 2.0, 1.0])
    margin = torch.tensor([0.0, 0.0, 0.0, 1.0, 0.5, 1.0])
    loss, acc = bad.reward_model_loss(rc, rr, margin)
    want_loss = python_loss(rc.double(), rr.double(), margin.double())
    want_acc = 3 / 6
    assert not (loss.item() == pytest.approx(want_loss, rel=1e-5) and acc.item() == want_acc)
