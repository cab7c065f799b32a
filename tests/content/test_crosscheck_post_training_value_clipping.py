"""Cross-check post-training/value-clipping against a plain-Python loop over tokens and the
analytic gradient of the pessimistic (max) squared error."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/value-clipping"
ref = reference(ITEM)


def random_inputs(N, T, seed, drift=0.5):
    g = torch.Generator().manual_seed(seed)
    old = torch.randn(N, T, generator=g, dtype=torch.float64)
    values = old + torch.randn(N, T, generator=g, dtype=torch.float64) * drift
    returns = old + torch.randn(N, T, generator=g, dtype=torch.float64)
    mask = torch.rand(N, T, generator=g) < 0.7
    mask[0, 0] = True
    return values, old, returns, mask


def python_loss(values, old, returns, mask, eps):
    total = clipped = 0.0
    count = 0
    for v, o, r, m in zip(values.flatten().tolist(), old.flatten().tolist(), returns.flatten().tolist(),
                          mask.flatten().tolist(), strict=True):
        if not m:
            continue
        vc = min(max(v, o - eps), o + eps)
        a, b = (v - r) ** 2, (vc - r) ** 2
        total += 0.5 * max(a, b)
        clipped += b > a
        count += 1
    return total / count, clipped / count


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("eps", [0.05, 0.2, 1.0])
def test_matches_python(seed, eps):
    values, old, returns, mask = random_inputs(4, 9, seed)
    loss, frac = ref.clipped_value_loss(values, old, returns, mask, clip_eps=eps)
    want_loss, want_frac = python_loss(values, old, returns, mask, eps)
    assert loss.item() == pytest.approx(want_loss, rel=1e-12)
    assert frac.item() == pytest.approx(want_frac, abs=1e-15)


def test_gradient_analytic():
    values, old, returns, mask = random_inputs(3, 8, 4, drift=0.8)
    values.requires_grad_(True)
    loss, _ = ref.clipped_value_loss(values, old, returns, mask, clip_eps=0.2)
    loss.backward()
    v = values.detach()
    vc = old + (v - old).clamp(-0.2, 0.2)
    clipped_wins = (vc - returns) ** 2 > (v - returns) ** 2
    want = torch.where(mask & ~clipped_wins, v - returns, torch.zeros_like(v)) / mask.sum()
    torch.testing.assert_close(values.grad, want)


@pytest.mark.parametrize("name", ["min_instead_of_max", "clip_around_returns", "multiplicative_band",
                                  "no_half", "per_sequence_mean", "clip_frac_non_strict", "mask_ignored"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    values, old, returns, mask = random_inputs(4, 9, 12, drift=0.6)
    values[1, :3] = old[1, :3]  # a few unmoved tokens
    got = [t.item() for t in bad.clipped_value_loss(values, old, returns, mask, clip_eps=0.2)]
    assert got != pytest.approx(list(python_loss(values, old, returns, mask, 0.2)), rel=1e-9, abs=1e-12)
