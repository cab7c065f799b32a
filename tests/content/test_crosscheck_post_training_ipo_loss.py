"""Cross-check post-training/ipo-loss against a plain-Python transcription of Azar et al. (2023)
Eq. 17 and its closed-form gradient (trl is not a dependency)."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/ipo-loss"
ref = reference(ITEM)


def random_inputs(B, T, seed):
    g = torch.Generator().manual_seed(seed)
    logps = [-torch.rand(B, T, generator=g, dtype=torch.float64) * 4 for _ in range(4)]
    cm = torch.rand(B, T, generator=g) < 0.6
    rm = torch.rand(B, T, generator=g) < 0.6
    cm[:, 0] = True
    rm[:, -1] = True
    return logps, cm, rm


def python_ipo(logps, cm, rm, beta, average):
    pc, pr, rc, rr = (x.tolist() for x in logps)
    cm, rm = cm.tolist(), rm.tolist()

    def seq(row, mask):
        vals = [v for v, m in zip(row, mask, strict=True) if m]
        return sum(vals) / len(vals) if average else sum(vals)

    total, margins = 0.0, []
    for b in range(len(pc)):
        h = (seq(pc[b], cm[b]) - seq(rc[b], cm[b])) - (seq(pr[b], rm[b]) - seq(rr[b], rm[b]))
        margins.append(h)
        total += (h - 1 / (2 * beta)) ** 2
    return total / len(pc), margins


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("beta", [0.05, 0.1, 1.0])
@pytest.mark.parametrize("average", [False, True])
def test_matches_python(seed, beta, average):
    logps, cm, rm = random_inputs(4, 9, seed)
    loss, margins = ref.ipo_loss(*logps, cm, rm, beta=beta, average_tokens=average)
    want_loss, want_margins = python_ipo(logps, cm, rm, beta, average)
    assert loss.item() == pytest.approx(want_loss, rel=1e-12)
    assert margins.tolist() == pytest.approx(want_margins, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("average", [False, True])
def test_gradient_closed_form(average):
    logps, cm, rm = random_inputs(3, 6, 99)
    pc, pr = logps[0].requires_grad_(True), logps[1].requires_grad_(True)
    beta = 0.3
    loss, h = ref.ipo_loss(*logps, cm, rm, beta=beta, average_tokens=average)
    loss.backward()
    weight = 2 * (h - 1 / (2 * beta)) / 3  # dL/dh_b
    c_den = cm.sum(-1, keepdim=True).double() if average else 1.0
    r_den = rm.sum(-1, keepdim=True).double() if average else 1.0
    torch.testing.assert_close(pc.grad, weight[:, None] * cm / c_den)
    torch.testing.assert_close(pr.grad, -weight[:, None] * rm / r_den)


@pytest.mark.parametrize("name", ["beta_times_margin", "target_one_over_beta", "average_over_padding",
                                  "ignores_average_flag", "mask_ignored", "no_reference",
                                  "mean_of_margin_then_square"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    logps, cm, rm = random_inputs(4, 8, 7)
    got, _ = bad.ipo_loss(*logps, cm, rm, beta=0.2, average_tokens=True)
    want, _ = python_ipo(logps, cm, rm, 0.2, True)
    assert got.item() != pytest.approx(want, rel=1e-6)
