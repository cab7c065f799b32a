"""Cross-checks for quantisation/int8-absmax: the reference against torch's own quantised tensors
(torch.quantize_per_tensor with qint8) and a NumPy oracle with np.round (also half to even)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "quantisation/int8-absmax"
ref = reference(ITEM)


def numpy_oracle(x: np.ndarray):
    absmax = np.abs(x).max()
    scale = absmax / x.dtype.type(127) if absmax > 0 else x.dtype.type(1)
    q = np.clip(np.round(x / scale), -127, 127).astype(np.int8)
    return q, scale


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_matches_numpy(seed, dtype):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(7, 33, generator=g, dtype=dtype) * (10.0 ** (seed % 5 - 2))
    q, scale = ref.quantize_absmax(x)
    want_q, want_scale = numpy_oracle(x.numpy())
    assert q.dtype == torch.int8 and scale.dtype == dtype and scale.dim() == 0
    np.testing.assert_array_equal(q.numpy(), want_q)
    assert scale.item() == float(want_scale)
    deq = ref.dequantize_absmax(q, scale)
    assert deq.dtype == dtype
    assert (deq - x).abs().max() <= scale / 2 * (1 + 1e-6)


@pytest.mark.filterwarnings("ignore:.*quantized tensor creation functions.*:UserWarning")
@pytest.mark.parametrize("seed", range(10))
def test_matches_torch_quantize_per_tensor(seed):
    if not hasattr(torch, "quantize_per_tensor"):
        pytest.skip("this torch has no quantised tensors")
    x = torch.randn(5, 40, generator=torch.Generator().manual_seed(seed))
    q, scale = ref.quantize_absmax(x)
    # torch multiplies by 1/scale internally; values within rounding of a .5 boundary may differ.
    theirs = torch.quantize_per_tensor(x, scale.item(), 0, torch.qint8)
    v = (x / scale).double()
    safe = ((v - v.floor()) - 0.5).abs() > 1e-4
    assert torch.equal(q[safe], theirs.int_repr()[safe])
    torch.testing.assert_close(ref.dequantize_absmax(q, scale)[safe], theirs.dequantize()[safe])


def test_halves_and_zeros():
    x = torch.tensor([127.0, 0.5, 1.5, 2.5, -0.5, -2.5, 3.5])
    q, scale = ref.quantize_absmax(x)
    assert q.tolist() == [127, 0, 2, 2, 0, -2, 4] and scale.item() == 1.0
    q, scale = ref.quantize_absmax(torch.zeros(4))
    assert q.tolist() == [0, 0, 0, 0] and scale.item() == 1.0


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_numpy(name):
    bad = wrong(ITEM, name)
    inputs = [torch.tensor([127.0, 0.5, 2.5, -1.5, 3.7]), torch.tensor([1.0, -3.0, 0.2]),
              torch.zeros(3), torch.randn(4, 9, generator=torch.Generator().manual_seed(0)).double()]
    disagrees = False
    for x in inputs:
        q, scale = bad.quantize_absmax(x)
        want_q, want_scale = numpy_oracle(x.numpy())
        disagrees |= not np.array_equal(q.numpy(), want_q) or scale.item() != float(want_scale)
        disagrees |= bad.dequantize_absmax(q, scale).dtype != x.dtype
    assert disagrees
