"""Cross-check paper/positions/ntk-aware-rope: frequencies against plain-Python math, the
rotation against a complex-number formulation (torch.polar), and RoPE's relative-position
property."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "positions/ntk-aware-rope"
ref = reference(ITEM, "paper")


def python_freqs(d, s, base=10000.0):
    b = base * s ** (d / (d - 2))
    return [b ** (-(2 * i) / d) for i in range(d // 2)]


def complex_rope(x, positions, inv_freq):
    """Pair (j, j + d/2) as the complex number x_j + i x_{j+d/2}; multiply by e^{i m theta}."""
    d = x.shape[-1]
    z = torch.complex(x[..., : d // 2].double(), x[..., d // 2:].double())
    angle = positions.double()[:, None] * inv_freq.double()[None, :]
    rot = z * torch.polar(torch.ones_like(angle), angle)
    return torch.cat([rot.real, rot.imag], dim=-1)


@pytest.mark.parametrize("d,s,base", [(4, 4.0, 1e4), (8, 2.0, 1e4), (64, 4.0, 1e4),
                                      (128, 8.0, 5e5), (64, 1.0, 1e4)])
def test_frequencies_match_python(d, s, base):
    got = ref.ntk_inv_freq(d, s, base)
    assert got.dtype == torch.float64 and got.shape == (d // 2,)
    assert got.tolist() == pytest.approx(python_freqs(d, s, base), rel=1e-13)
    assert got[0].item() == 1.0
    assert got[-1].item() * s == pytest.approx(python_freqs(d, 1.0, base)[-1], rel=1e-12)


@pytest.mark.parametrize("d,s,positions", [(8, 4.0, torch.arange(6)),
                                           (16, 2.0, torch.tensor([0, 7, 7, 2, 300])),
                                           (64, 8.0, torch.arange(32000, 32008))])
def test_rotation_matches_complex_form(d, s, positions):
    g = torch.Generator().manual_seed(d)
    x = torch.randn(2, 3, len(positions), d, generator=g, dtype=torch.float64)
    torch.testing.assert_close(ref.ntk_rope(x, positions, s),
                               complex_rope(x, positions, ref.ntk_inv_freq(d, s)),
                               atol=1e-12, rtol=1e-12)
    torch.testing.assert_close(ref.pi_rope(x, positions, s),
                               complex_rope(x, positions.double() / s, ref.ntk_inv_freq(d, 1.0)),
                               atol=1e-12, rtol=1e-12)


def test_scores_depend_only_on_relative_position():
    g = torch.Generator().manual_seed(0)
    q, k = torch.randn(2, 1, 32, generator=g, dtype=torch.float64)
    for fn in (ref.ntk_rope, ref.pi_rope):
        a = (fn(q, torch.tensor([10]), 4.0) * fn(k, torch.tensor([3]), 4.0)).sum()
        b = (fn(q, torch.tensor([1007]), 4.0) * fn(k, torch.tensor([1000]), 4.0)).sum()
        assert a.item() == pytest.approx(b.item(), rel=1e-9)


def test_float32_matches_float64_reference_closely():
    g = torch.Generator().manual_seed(4)
    x = torch.randn(2, 8, 64, generator=g)
    pos = torch.arange(32000, 32008)
    want = complex_rope(x, pos, ref.ntk_inv_freq(64, 8.0))
    torch.testing.assert_close(ref.ntk_rope(x, pos, 8.0).double(), want, atol=2e-6, rtol=1e-5)


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name, "paper")
    g = torch.Generator().manual_seed(1)
    x = torch.randn(2, 8, 64, generator=g)
    pos = torch.arange(32000, 32008)
    differs = bad.ntk_inv_freq(64, 4.0).tolist() != pytest.approx(python_freqs(64, 4.0))
    for fn, want in ((bad.ntk_rope, complex_rope(x, pos, torch.tensor(python_freqs(64, 8.0)))),
                     (bad.pi_rope, complex_rope(x, pos.double() / 8,
                                                torch.tensor(python_freqs(64, 1.0))))):
        differs |= not torch.allclose(fn(x, pos, 8.0).double(), want, atol=1e-4)
    assert differs
