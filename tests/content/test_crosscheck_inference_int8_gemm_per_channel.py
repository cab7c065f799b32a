"""inference/int8-gemm-per-channel: the reference against an element-by-element oracle in plain
Python integers (codes from Python's round-half-even, exact integer dot products) and against the
float product, for several seeds and alphas."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "inference/int8-gemm-per-channel"
ref = reference(ITEM)


def py_quantize(rows):
    out, scales = [], []
    for row in rows:
        m = max(abs(v) for v in row)
        s = m / 127 if m > 0 else 1.0
        out.append([max(-127, min(127, round(v / s))) for v in row])
        scales.append(s)
    return out, scales


def oracle(x, w, alpha):
    X, W = x.tolist(), w.tolist()
    K = len(X[0])
    if alpha is not None:
        s = []
        for j in range(K):
            a = max(abs(r[j]) for r in X)
            b = max(max(abs(r[j]) for r in W), 1e-5)
            s.append(max(a**alpha / b ** (1 - alpha), 1e-5))
        X = [[r[j] / s[j] for j in range(K)] for r in X]
        W = [[r[j] * s[j] for j in range(K)] for r in W]
    qx, sx = py_quantize(X)
    qw, sw = py_quantize(W)
    acc = [[sum(a * b for a, b in zip(rx, rw, strict=True)) for rw in qw] for rx in qx]
    y = [[acc[m][n] * sx[m] * sw[n] for n in range(len(qw))] for m in range(len(qx))]
    return torch.tensor(y, dtype=torch.float64), torch.tensor(acc, dtype=torch.int64)


@pytest.mark.parametrize("seed,alpha", [(0, None), (1, 0.5), (2, 0.75), (3, 0.0), (4, 1.0), (5, 0.3)])
def test_matches_integer_oracle(seed, alpha):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(5, 48, generator=g, dtype=torch.float64)
    x[:, [3, 20]] *= 40
    w = torch.randn(7, 48, generator=g, dtype=torch.float64) * 0.1
    y, acc, err = ref.int8_linear(x, w, alpha)
    want_y, want_acc = oracle(x, w, alpha)
    assert acc.dtype == torch.int32
    assert torch.equal(acc.long(), want_acc)
    torch.testing.assert_close(y, want_y, atol=1e-12, rtol=1e-10)
    exact = x @ w.T
    assert math.isclose(float(err), float((y - exact).norm() / exact.norm()), rel_tol=1e-12)
    assert float(err) < 0.05


def test_smoothing_preserves_product_and_helps_outliers():
    g = torch.Generator().manual_seed(9)
    x = torch.randn(8, 128, generator=g, dtype=torch.float64)
    x[:, [5, 40, 77]] *= 60
    w = torch.randn(16, 128, generator=g, dtype=torch.float64) * 0.05
    xs, ws, _ = ref.smooth(x, w, 0.5)
    torch.testing.assert_close(xs @ ws.T, x @ w.T, atol=1e-12, rtol=1e-10)
    assert float(ref.int8_linear(x, w, 0.5)[2]) < 0.5 * float(ref.int8_linear(x, w, None)[2])


@pytest.mark.parametrize("name", ["per_tensor_weight_scale", "int8_accumulation", "smoothing_inverted",
                                  "exponents_swapped", "truncate_not_round"])
def test_wrong_variants_disagree(name):
    g = torch.Generator().manual_seed(11)
    x = torch.randn(5, 48, generator=g, dtype=torch.float64)
    x[:, 7] *= 40
    w = torch.randn(7, 48, generator=g, dtype=torch.float64) * 0.1
    want_y, _ = oracle(x, w, 0.75)
    y, _, _ = wrong(ITEM, name).int8_linear(x, w, 0.75)
    assert not torch.allclose(y, want_y, atol=1e-6)
