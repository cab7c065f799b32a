"""Cross-checks for quantisation/int8-per-channel: codes against torch.quantize_per_channel,
the accumulator against NumPy int64, and the linear layer against dequantise-then-matmul."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "quantisation/int8-per-channel"
ref = reference(ITEM)


def inputs(seed, M=6, K=48, N=10, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(M, K, generator=g, dtype=dtype) * torch.logspace(-2, 1, M, dtype=dtype)[:, None]
    w = torch.randn(N, K, generator=g, dtype=dtype) * torch.logspace(-3, 0, N, dtype=dtype)[:, None]
    return x, w


def numpy_rows(a: np.ndarray):
    absmax = np.abs(a).max(axis=1)
    scales = np.where(absmax > 0, absmax / a.dtype.type(127), a.dtype.type(1)).astype(a.dtype)
    return np.clip(np.round(a / scales[:, None]), -127, 127).astype(np.int8), scales


@pytest.mark.filterwarnings("ignore:.*quantized tensor creation functions.*:UserWarning")
@pytest.mark.parametrize("seed", range(6))
def test_codes_match_torch_quantize_per_channel(seed):
    if not hasattr(torch, "quantize_per_channel"):
        pytest.skip("this torch has no quantised tensors")
    _, w = inputs(seed)
    q, scales = ref.quantize_per_channel(w)
    theirs = torch.quantize_per_channel(w, scales.double(), torch.zeros(w.size(0), dtype=torch.long),
                                        0, torch.qint8)
    # torch multiplies by 1/scale internally: skip codes within rounding of a .5 boundary.
    v = (w / scales[:, None]).double()
    safe = ((v - v.floor()) - 0.5).abs() > 1e-4
    assert torch.equal(q[safe], theirs.int_repr()[safe])


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_matches_numpy(seed, dtype):
    x, w = inputs(seed, dtype=dtype)
    w[3] = 0.0
    q, scales = ref.quantize_per_channel(w)
    want_q, want_s = numpy_rows(w.numpy())
    np.testing.assert_array_equal(q.numpy(), want_q)
    np.testing.assert_array_equal(scales.numpy(), want_s)
    xq, xs = numpy_rows(x.numpy())
    acc = ref.int8_gemm(torch.from_numpy(xq), q)
    want_acc = xq.astype(np.int64) @ want_q.astype(np.int64).T
    assert acc.dtype == torch.int32
    np.testing.assert_array_equal(acc.numpy(), want_acc)
    # Dequantise, then a float64 matmul: the same number up to float rounding.
    deq = (xq.astype(np.float64) * xs[:, None]) @ (want_q.astype(np.float64) * want_s[:, None]).T
    y = ref.quantized_linear(x, w)
    assert y.dtype == dtype
    np.testing.assert_allclose(y.numpy(), deq, rtol=1e-5 if dtype == torch.float32 else 1e-12,
                               atol=1e-6 if dtype == torch.float32 else 1e-14)


def test_large_k_accumulator_is_exact():
    g = torch.Generator().manual_seed(0)
    a = torch.randint(100, 128, (2, 20000), generator=g, dtype=torch.int8)
    w = torch.randint(-127, -100, (3, 20000), generator=g, dtype=torch.int8)
    want = a.numpy().astype(np.int64) @ w.numpy().astype(np.int64).T
    np.testing.assert_array_equal(ref.int8_gemm(a, w).numpy(), want)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_numpy(name):
    bad = wrong(ITEM, name)
    x, w = inputs(0)
    w[2] = 0.0
    q, scales = bad.quantize_per_channel(w)
    want_q, want_s = numpy_rows(w.numpy())
    disagrees = not np.array_equal(q.numpy(), want_q) or not np.allclose(scales.numpy(), want_s)
    g = torch.Generator().manual_seed(1)
    a = torch.randint(100, 128, (2, 8192), generator=g, dtype=torch.int8)
    b = torch.randint(100, 128, (3, 8192), generator=g, dtype=torch.int8)
    want_acc = a.numpy().astype(np.int64) @ b.numpy().astype(np.int64).T
    disagrees |= not np.array_equal(bad.int8_gemm(a, b).numpy(), want_acc)
    xq, xs = numpy_rows(x.numpy())
    deq = (xq.astype(np.float64) * xs[:, None]) @ (want_q.astype(np.float64) * want_s[:, None]).T
    disagrees |= not np.allclose(bad.quantized_linear(x, w).numpy(), deq, rtol=1e-5, atol=1e-6)
    assert disagrees
