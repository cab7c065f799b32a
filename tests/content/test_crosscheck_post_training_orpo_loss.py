"""Cross-check post-training/orpo-loss against a plain-Python transcription of Hong et al. (2024)
Eq. 6-9 (odds computed from P = exp(mean log-prob) directly, in float64 math), the closed-form
gradient of the odds term, and float32 stability near P = 1 against a float64 evaluation."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/orpo-loss"
ref = reference(ITEM)


def random_inputs(B, T, seed, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    pc = -torch.rand(B, T, generator=g, dtype=torch.float64) * scale - 1e-3
    pr = -torch.rand(B, T, generator=g, dtype=torch.float64) * scale - 1e-3
    cm = torch.rand(B, T, generator=g) < 0.6
    rm = torch.rand(B, T, generator=g) < 0.6
    cm[:, 0] = True
    rm[:, -1] = True
    return pc, pr, cm, rm


def python_orpo(pc, pr, cm, rm, lam):
    nll_sum, nll_count, or_total = 0.0, 0, 0.0
    for c, r, a, b in zip(pc.tolist(), pr.tolist(), cm.tolist(), rm.tolist(), strict=True):
        kept_c = [v for v, m in zip(c, a, strict=True) if m]
        kept_r = [v for v, m in zip(r, b, strict=True) if m]
        nll_sum -= sum(kept_c)
        nll_count += len(kept_c)
        p_c = math.exp(sum(kept_c) / len(kept_c))
        p_r = math.exp(sum(kept_r) / len(kept_r))
        lor = math.log(p_c / (1 - p_c)) - math.log(p_r / (1 - p_r))
        or_total += math.log1p(math.exp(-lor)) if lor > -30 else -lor
    sft = nll_sum / nll_count
    orl = or_total / len(pc)
    return sft + lam * orl, sft, orl


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("lam", [0.0, 0.1, 1.0])
def test_matches_python(seed, lam):
    pc, pr, cm, rm = random_inputs(4, 8, seed)
    loss, sft, orl, _ = ref.orpo_loss(pc, pr, cm, rm, lam=lam)
    want = python_orpo(pc, pr, cm, rm, lam)
    assert [loss.item(), sft.item(), orl.item()] == pytest.approx(list(want), rel=1e-10)


def test_odds_gradient_closed_form():
    pc, pr, cm, rm = random_inputs(3, 6, 11)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    lam = 0.4
    _, _, orl, lor = ref.orpo_loss(pc, pr, cm, rm, lam=lam)
    orl.backward()
    lc = (pc.detach() * cm).sum(-1) / cm.sum(-1)
    lr = (pr.detach() * rm).sum(-1) / rm.sum(-1)
    g = torch.sigmoid(-lor) / 3
    # d log odds / d l = 1 / (1 - P); each token gets a share 1/|y|.
    want_c = -(g / (1 - lc.exp()) / cm.sum(-1))[:, None] * cm
    want_r = (g / (1 - lr.exp()) / rm.sum(-1))[:, None] * rm
    torch.testing.assert_close(pc.grad, want_c)
    torch.testing.assert_close(pr.grad, want_r)


def test_float32_near_one_matches_float64():
    pc = torch.tensor([[-1e-7, -2e-7], [-3e-6, -1e-6]])
    pr = torch.tensor([[-0.5, -0.7], [-1e-7, -1e-7]])
    m = torch.ones(2, 2)
    got = ref.orpo_loss(pc, pr, m, m, lam=0.3)
    want = ref.orpo_loss(pc.double(), pr.double(), m, m, lam=0.3)
    for a, b in zip(got, want, strict=True):
        assert torch.isfinite(a).all()
        torch.testing.assert_close(a.double(), b, rtol=1e-3, atol=1e-4)


@pytest.mark.parametrize("name", ["summed_logps", "logprob_ratio_not_odds", "lambda_on_sft",
                                  "sft_per_sequence", "sft_on_both"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    pc, pr, cm, rm = random_inputs(4, 8, 5)
    loss, _, _, _ = bad.orpo_loss(pc, pr, cm, rm, lam=0.3)
    assert loss.item() != pytest.approx(python_orpo(pc, pr, cm, rm, 0.3)[0], rel=1e-6)


def test_naive_log1p_fails_near_one():
    bad = wrong(ITEM, "naive_log1p_exp")
    pc = torch.tensor([[-1e-8, -1e-8]])
    pr = torch.tensor([[-0.5, -0.7]])
    m = torch.ones(1, 2)
    loss, _, _, _ = bad.orpo_loss(pc, pr, m, m, lam=0.3)
    assert not torch.isfinite(loss) or loss.item() != pytest.approx(
        ref.orpo_loss(pc.double(), pr.double(), m, m, lam=0.3)[0].item(), rel=1e-3)
