"""Cross-check post-training/simpo-loss against a plain-Python transcription of Meng et al. (2024)
Eq. 6, F.binary_cross_entropy_with_logits on the margin, and the closed-form gradient."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "post-training/simpo-loss"
ref = reference(ITEM)


def random_inputs(B, T, seed):
    g = torch.Generator().manual_seed(seed)
    pc = -torch.rand(B, T, generator=g, dtype=torch.float64) * 4
    pr = -torch.rand(B, T, generator=g, dtype=torch.float64) * 4
    cm = torch.rand(B, T, generator=g) < 0.5
    rm = torch.rand(B, T, generator=g) < 0.5
    cm[:, -1] = True
    rm[:, 0] = True
    return pc, pr, cm, rm


def python_simpo(pc, pr, cm, rm, beta, gamma):
    def reward(row, mask):
        vals = [v for v, m in zip(row, mask, strict=True) if m]
        return beta * sum(vals) / len(vals)

    total = 0.0
    for c, r, a, b in zip(pc.tolist(), pr.tolist(), cm.tolist(), rm.tolist(), strict=True):
        z = reward(c, a) - reward(r, b) - gamma
        total += max(-z, 0.0) + math.log1p(math.exp(-abs(z)))
    return total / len(pc)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("beta,gamma", [(2.0, 1.0), (2.5, 0.0), (10.0, 4.0)])
def test_matches_python_and_bce(seed, beta, gamma):
    pc, pr, cm, rm = random_inputs(5, 8, seed)
    loss, rc, rr = ref.simpo_loss(pc, pr, cm, rm, beta=beta, gamma=gamma)
    assert loss.item() == pytest.approx(python_simpo(pc, pr, cm, rm, beta, gamma), rel=1e-12)
    bce = F.binary_cross_entropy_with_logits(rc - rr - gamma, torch.ones(5, dtype=torch.float64))
    torch.testing.assert_close(loss, bce)


def test_gradient_closed_form():
    pc, pr, cm, rm = random_inputs(4, 6, 21)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    beta, gamma = 2.0, 0.6
    loss, rc, rr = ref.simpo_loss(pc, pr, cm, rm, beta=beta, gamma=gamma)
    loss.backward()
    w = torch.sigmoid(-(rc - rr - gamma)) * beta / 4
    torch.testing.assert_close(pc.grad, -(w / cm.sum(-1))[:, None] * cm)
    torch.testing.assert_close(pr.grad, (w / rm.sum(-1))[:, None] * rm)


@pytest.mark.parametrize("name", ["summed_logps", "average_over_T", "gamma_inside_beta", "gamma_added",
                                  "mask_ignored"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    pc, pr, cm, rm = random_inputs(5, 8, 3)
    loss, _, _ = bad.simpo_loss(pc, pr, cm, rm, beta=2.0, gamma=0.7)
    assert loss.item() != pytest.approx(python_simpo(pc, pr, cm, rm, 2.0, 0.7), rel=1e-6)
