"""numerics/bce-with-logits: the reference against F.binary_cross_entropy_with_logits."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "numerics/bce-with-logits"
ref = reference(ITEM)


def problem(seed, shape, scale, soft, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(*shape, generator=g, dtype=dtype) * scale
    y = torch.rand(*shape, generator=g, dtype=dtype)
    if not soft:
        y = (y < 0.4).to(dtype)
    w = torch.rand(shape[-1], generator=g, dtype=dtype) * 4 + 0.25
    return x, y, w


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("shape", [(1,), (7, 3), (2, 3, 5)])
@pytest.mark.parametrize("scale", [1.0, 10.0, 300.0])
def test_loss_and_grad_match_torch(seed, shape, scale):
    for soft in (False, True):
        x, y, w = problem(seed, shape, scale, soft)
        for pos_weight in (None, w):
            for reduction in ("mean", "sum", "none"):
                a = x.clone().requires_grad_(True)
                b = x.clone().requires_grad_(True)
                mine = ref.bce_with_logits(a, y, pos_weight=pos_weight, reduction=reduction)
                theirs = F.binary_cross_entropy_with_logits(b, y, pos_weight=pos_weight,
                                                            reduction=reduction)
                torch.testing.assert_close(mine, theirs, atol=1e-12, rtol=1e-12)
                mine.sum().backward()
                theirs.sum().backward()
                torch.testing.assert_close(a.grad, b.grad, atol=1e-12, rtol=1e-10)


def test_float32_huge_logits_match_torch():
    x = torch.tensor([[200.0, -200.0, 150.0, -150.0], [30.0, -30.0, 0.0, 95.0]])
    y = torch.tensor([[0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0]])
    w = torch.tensor([2.0, 0.5, 1.0, 3.0])
    mine = ref.bce_with_logits(x, y, pos_weight=w, reduction="none")
    assert mine.dtype == torch.float32 and torch.isfinite(mine).all()
    torch.testing.assert_close(
        mine, F.binary_cross_entropy_with_logits(x, y, pos_weight=w, reduction="none"))


@pytest.mark.parametrize("name", ["log_of_sigmoid", "clamped_probabilities", "weight_on_negatives",
                                  "mean_over_rows", "softplus_overflows", "normalise_by_weights"])
def test_wrong_variants_disagree_with_torch(name):
    bad = wrong(ITEM, name)
    x, y, w = problem(0, (6, 4), 3.0, False, torch.float32)
    x[0, :2] = torch.tensor([200.0, -200.0])
    y[0, :2] = torch.tensor([0.0, 1.0])
    disagree = False
    for reduction in ("mean", "none"):
        mine = bad.bce_with_logits(x, y, pos_weight=w, reduction=reduction)
        theirs = F.binary_cross_entropy_with_logits(x, y, pos_weight=w, reduction=reduction)
        disagree |= not torch.allclose(mine, theirs, atol=1e-4, rtol=1e-5)
    assert disagree
