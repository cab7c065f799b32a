"""numerics/stable-softmax: the NumPy reference against torch.softmax / torch.log_softmax."""

import numpy as np
import pytest
import torch
from itemload import reference, wrong

ITEM = "numerics/stable-softmax"
ref = reference(ITEM)


def torch_pair(x: np.ndarray, axis: int, temperature: float):
    t = torch.from_numpy(x) / temperature
    return torch.softmax(t, dim=axis).numpy(), torch.log_softmax(t, dim=axis).numpy()


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("scale", [1.0, 50.0, 1e4])
@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("temperature", [0.3, 1.0, 2.5])
def test_matches_torch(seed, scale, axis, temperature):
    x = np.random.default_rng(seed).standard_normal((3, 5, 4)) * scale
    p, lp = torch_pair(x, axis, temperature)
    np.testing.assert_allclose(ref.softmax(x, axis, temperature), p, atol=1e-14, rtol=1e-12)
    np.testing.assert_allclose(ref.log_softmax(x, axis, temperature), lp, atol=1e-9, rtol=1e-12)


def test_masked_entries_match_torch():
    x = np.random.default_rng(1).standard_normal((6, 7)) * 3
    x[np.random.default_rng(2).random((6, 7)) < 0.4] = -np.inf
    x[:, 0] = 0.5  # every row keeps a finite entry
    p, lp = torch_pair(x, -1, 0.8)
    np.testing.assert_array_equal(ref.softmax(x, -1, 0.8) == 0, p == 0)
    np.testing.assert_allclose(ref.softmax(x, -1, 0.8), p, atol=1e-14, rtol=1e-12)
    np.testing.assert_allclose(ref.log_softmax(x, -1, 0.8), lp, atol=1e-12, rtol=1e-12)


def test_float32_in_float32_out():
    x = np.random.default_rng(3).standard_normal((4, 9)).astype(np.float32) * 1e4
    assert ref.softmax(x).dtype == np.float32 and ref.log_softmax(x).dtype == np.float32
    _, lp = torch_pair(x, -1, 1.0)
    np.testing.assert_allclose(ref.log_softmax(x), lp, atol=2e-3, rtol=1e-6)


@pytest.mark.parametrize("name", ["no_max_shift", "log_of_softmax", "global_max",
                                  "temperature_multiplied", "last_axis_only"])
def test_wrong_variants_disagree_with_torch(name):
    bad = wrong(ITEM, name)
    rng = np.random.default_rng(4)
    x = rng.standard_normal((3, 4, 5)) * 10
    x[0, 0] += 1500.0
    x[1] -= 1200.0
    with np.errstate(all="ignore"):
        p, lp = torch_pair(x, 1, 2.0)
        got_p, got_lp = bad.softmax(x, 1, 2.0), bad.log_softmax(x, 1, 2.0)
    assert not (np.allclose(got_p, p, atol=1e-9) and np.allclose(got_lp, lp, atol=1e-6))
