"""multimodal/clip-contrastive-loss: the reference against a plain-Python loop over the
definition, and its gradients against finite differences (torch.autograd.gradcheck)."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "multimodal/clip-contrastive-loss"
ref = reference(ITEM)


def loop_loss(img, txt, t):
    def unit(row):
        n = max(math.sqrt(sum(x * x for x in row)), 1e-12)
        return [x / n for x in row]

    u, w = [unit(r) for r in img.tolist()], [unit(r) for r in txt.tolist()]
    s = min(math.exp(t), 100.0)
    N = len(u)
    logits = [[s * sum(a * b for a, b in zip(u[i], w[j], strict=True)) for j in range(N)] for i in range(N)]

    def ce(row, target):
        top = max(row)
        return -(row[target] - top - math.log(sum(math.exp(x - top) for x in row)))

    rows = sum(ce(logits[i], i) for i in range(N)) / N
    cols = sum(ce([logits[i][j] for i in range(N)], j) for j in range(N)) / N
    return (rows + cols) / 2, logits


@pytest.mark.parametrize("N,D,t,seed", [(8, 16, math.log(1 / 0.07), 0), (1, 4, 1.0, 1), (5, 3, 0.0, 2),
                                        (12, 7, math.log(500.0), 3), (16, 32, math.log(100.0), 4)])
def test_matches_loop(N, D, t, seed):
    g = torch.Generator().manual_seed(seed)
    img = torch.randn(N, D, generator=g, dtype=torch.float64) * 3
    txt = torch.randn(N, D, generator=g, dtype=torch.float64) + 0.5 * img
    loss, logits = ref.clip_loss(img, txt, torch.tensor(t, dtype=torch.float64))
    want_loss, want_logits = loop_loss(img, txt, t)
    assert loss.item() == pytest.approx(want_loss, rel=1e-12, abs=1e-12)
    torch.testing.assert_close(logits, torch.tensor(want_logits, dtype=torch.float64), atol=1e-12, rtol=1e-12)


def test_gradients_match_finite_differences():
    g = torch.Generator().manual_seed(5)
    img = torch.randn(6, 5, generator=g, dtype=torch.float64, requires_grad=True)
    txt = torch.randn(6, 5, generator=g, dtype=torch.float64, requires_grad=True)
    t = torch.tensor(1.3, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda a, b, c: ref.clip_loss(a, b, c)[0], (img, txt, t))


def test_clamped_scale_has_zero_gradient():
    t = torch.tensor(math.log(300.0), dtype=torch.float64, requires_grad=True)
    g = torch.Generator().manual_seed(6)
    loss, logits = ref.clip_loss(torch.randn(4, 3, generator=g, dtype=torch.float64),
                                 torch.randn(4, 3, generator=g, dtype=torch.float64), t)
    loss.backward()
    assert t.grad.item() == 0.0 and logits.abs().max().item() <= 100.0 + 1e-9


@pytest.mark.parametrize("name", ["one_direction", "no_normalise", "no_exp", "divides_by_scale", "no_clamp",
                                  "summed"])
def test_wrong_variants_disagree(name):
    g = torch.Generator().manual_seed(7)
    img = torch.randn(6, 5, generator=g, dtype=torch.float64) * 2
    txt = torch.randn(6, 5, generator=g, dtype=torch.float64)
    txt[1] = txt[0] + 0.01 * txt[1]
    bad = wrong(ITEM, name)
    losses = [(bad.clip_loss(img, txt, torch.tensor(t, dtype=torch.float64))[0].item(),
               loop_loss(img, txt, t)[0]) for t in (2.0, math.log(400.0))]
    assert any(abs(a - b) > 1e-6 for a, b in losses)
