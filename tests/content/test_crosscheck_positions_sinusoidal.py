"""positions/sinusoidal: the reference against a plain-Python loop over the paper's two formulas."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "positions/sinusoidal"
ref = reference(ITEM)


def loop_table(num_positions, d_model, base=10000.0, start=0):
    rows = []
    for pos in range(start, num_positions):
        row = [0.0] * d_model
        for i in range((d_model + 1) // 2):
            angle = pos / base ** (2 * i / d_model)
            row[2 * i] = math.sin(angle)
            if 2 * i + 1 < d_model:
                row[2 * i + 1] = math.cos(angle)
        rows.append(row)
    return torch.tensor(rows, dtype=torch.float64)


@pytest.mark.parametrize("P,d,base", [(50, 16, 1e4), (20, 7, 1e4), (10, 1, 1e4), (1, 10, 1e4),
                                      (30, 6, 100.0), (300, 33, 1e4), (2048, 8, 1e4)])
def test_matches_loop(P, d, base):
    got = ref.sinusoidal_positions(P, d, base=base, dtype=torch.float64)
    assert got.shape == (P, d) and got.dtype == torch.float64
    torch.testing.assert_close(got, loop_table(P, d, base), atol=1e-12, rtol=0)
    got32 = ref.sinusoidal_positions(P, d, base=base)
    assert got32.dtype == torch.float32
    torch.testing.assert_close(got32, loop_table(P, d, base).float(), atol=1e-7, rtol=0)


def test_relative_offset_is_a_rotation():
    """The paper's property: pe[p + k] is a fixed rotation of pe[p] in each (sin, cos) pair."""
    pe = ref.sinusoidal_positions(64, 8, dtype=torch.float64)
    k = 5
    for i in range(4):
        w = 10000.0 ** (-2 * i / 8)
        c, s = math.cos(k * w), math.sin(k * w)
        sin_p, cos_p = pe[:-k, 2 * i], pe[:-k, 2 * i + 1]
        torch.testing.assert_close(pe[k:, 2 * i], sin_p * c + cos_p * s)
        torch.testing.assert_close(pe[k:, 2 * i + 1], cos_p * c - sin_p * s)


@pytest.mark.parametrize("name", ["sin_cos_swapped", "column_exponent", "concatenated_halves",
                                  "half_width_exponent"])
def test_wrong_variants_disagree_with_loop(name):
    bad = wrong(ITEM, name).sinusoidal_positions(20, 7, dtype=torch.float64)
    assert not torch.allclose(bad, loop_table(20, 7), atol=1e-6)


def test_float32_angles_disagree_far_out():
    bad = wrong(ITEM, "float32_angles").sinusoidal_positions(4096, 32)
    assert not torch.allclose(bad[-8:].double(), loop_table(4096, 32, start=4088), atol=1e-5)
