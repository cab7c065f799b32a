"""numerics/focal-loss: the reference against a 400-digit mpmath evaluation of the definition,
F.binary_cross_entropy_with_logits at gamma = 0, and autograd of the literal formula."""

import mpmath
import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "numerics/focal-loss"
ref = reference(ITEM)
mpmath.mp.dps = 400  # enough digits that 1 + e^-450 is not 1


def definition(x: float, y: float, alpha, gamma: float) -> float:
    """-alpha_t (1 - p_t)^gamma log p_t, in 400-digit arithmetic, straight from the paper."""
    x = mpmath.mpf(x)
    # sigmoid(x) and 1 - sigmoid(x) = sigmoid(-x), each without cancellation.
    p_t = 1 / (1 + mpmath.exp(-x)) if y == 1 else 1 / (1 + mpmath.exp(x))
    a_t = 1 if alpha is None else (alpha if y == 1 else 1 - alpha)
    return float(-a_t * (1 - p_t) ** gamma * mpmath.log(p_t))


def problem(seed, n, scale, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, generator=g, dtype=dtype) * scale
    y = (torch.rand(n, generator=g) < 0.4).to(dtype)
    return x, y


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("scale", [1.0, 8.0, 150.0])
@pytest.mark.parametrize("alpha,gamma", [(0.25, 2.0), (None, 0.5), (0.7, 0.0), (0.5, 5.0)])
def test_matches_high_precision_definition(seed, scale, alpha, gamma):
    x, y = problem(seed, 12, scale)
    got = ref.focal_loss(x, y, alpha=alpha, gamma=gamma, reduction="none")
    want = torch.tensor([definition(a, b, alpha, gamma) for a, b in zip(x.tolist(), y.tolist(),
                                                                          strict=True)],
                        dtype=torch.float64)
    torch.testing.assert_close(got, want, atol=1e-300, rtol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_gamma_zero_is_weighted_bce(seed):
    x, y = problem(seed, 20, 5.0)
    x = x.reshape(4, 5)
    y = y.reshape(4, 5)
    plain = F.binary_cross_entropy_with_logits(x, y, reduction="none")
    torch.testing.assert_close(ref.focal_loss(x, y, alpha=None, gamma=0.0, reduction="none"), plain)
    weighted = (0.3 * y + 0.7 * (1 - y)) * plain
    torch.testing.assert_close(ref.focal_loss(x, y, alpha=0.3, gamma=0.0), weighted.mean())


@pytest.mark.parametrize("gamma", [0.5, 2.0, 3.0])
def test_gradient_matches_autograd_of_literal_formula(gamma):
    x0, y = problem(7, 30, 3.0)
    a = x0.clone().requires_grad_(True)
    b = x0.clone().requires_grad_(True)
    ref.focal_loss(a, y, alpha=0.25, gamma=gamma, reduction="sum").backward()
    p = torch.sigmoid(b)
    p_t = p * y + (1 - p) * (1 - y)
    literal = -(0.25 * y + 0.75 * (1 - y)) * (1 - p_t) ** gamma * torch.log(p_t)
    literal.sum().backward()
    torch.testing.assert_close(a.grad, b.grad, atol=1e-12, rtol=1e-9)


def test_float32_huge_logits_finite():
    x = torch.tensor([200.0, -200.0, 200.0, -200.0])
    y = torch.tensor([1.0, 1.0, 0.0, 0.0])
    x.requires_grad_(True)
    loss = ref.focal_loss(x, y, reduction="none")
    want = torch.tensor([definition(v, t, 0.25, 2.0) for v, t in zip(x.tolist(), y.tolist(), strict=True)])
    torch.testing.assert_close(loss.detach(), want)
    loss.sum().backward()
    assert torch.isfinite(x.grad).all()


@pytest.mark.parametrize("name", ["log_of_sigmoid", "alpha_for_both", "alpha_swapped", "p_t_not_one_minus",
                                  "probability_not_of_true_class", "mean_over_positives"])
def test_wrong_variants_disagree_with_definition(name):
    bad = wrong(ITEM, name)
    x = torch.tensor([2.0, -1.0, 0.5, -3.0, 200.0, -200.0])
    y = torch.tensor([1.0, 1.0, 0.0, 0.0, 0.0, 1.0])
    want = torch.tensor([definition(v, t, 0.25, 2.0) for v, t in zip(x.tolist(), y.tolist(), strict=True)])
    got_none = bad.focal_loss(x, y, reduction="none")
    got_mean = bad.focal_loss(x, y, reduction="mean")
    assert not (torch.allclose(got_none, want, rtol=1e-4)
                and torch.allclose(got_mean, want.mean(), rtol=1e-4))
