"""The conv2d reference agrees with torch.nn.functional.conv2d, and with a scalar loop."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "layers/conv2d-naive"
ref = reference(ITEM)

CONFIGS = [
    # (B, C_in, H, W, C_out, kh, kw, stride, padding, dilation)
    (2, 3, 7, 6, 4, 3, 3, 1, 0, 1),
    (2, 2, 5, 5, 3, 3, 3, 1, 1, 1),
    (2, 3, 8, 9, 2, 3, 3, 2, 1, 1),
    (1, 2, 9, 10, 3, 3, 3, 1, 1, 2),
    (2, 2, 7, 8, 3, 2, 3, (1, 2), (1, 0), (2, 1)),
    (2, 5, 4, 3, 6, 1, 1, 1, 0, 1),
    (2, 3, 10, 11, 2, 2, 2, 3, 0, 1),
    (3, 2, 4, 5, 2, 6, 7, 1, 1, 1),
    (1, 3, 12, 7, 2, 3, 2, (3, 1), (2, 3), (2, 3)),
    (1, 1, 1, 1, 1, 1, 1, 1, 0, 1),
]


def make(config, seed, dtype=torch.float64):
    B, C_in, H, W, C_out, kh, kw, *rest = config
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, C_in, H, W, generator=g, dtype=dtype)
    w = torch.randn(C_out, C_in, kh, kw, generator=g, dtype=dtype)
    b = torch.randn(C_out, generator=g, dtype=dtype)
    return x, w, b, rest


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("with_bias", [True, False])
def test_matches_f_conv2d(config, with_bias):
    x, w, b, (stride, padding, dilation) = make(config, 0)
    b = b if with_bias else None
    ours = ref.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    theirs = F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    assert ours.dtype == torch.float64
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)


def test_float32_matches():
    x, w, b, (stride, padding, dilation) = make(CONFIGS[4], 1, torch.float32)
    ours = ref.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    assert ours.dtype == torch.float32
    torch.testing.assert_close(ours, F.conv2d(x, w, b, stride, padding, dilation))


def scalar_loop(x, w, b, s, p, d):
    """The definition, one multiply-add at a time, reading zeros outside the image."""
    B, C_in, H, W = x.shape
    C_out, _, kh, kw = w.shape
    H_out = (H + 2 * p - d * (kh - 1) - 1) // s + 1
    W_out = (W + 2 * p - d * (kw - 1) - 1) // s + 1
    y = torch.zeros(B, C_out, H_out, W_out, dtype=x.dtype)
    X, Wt = x.tolist(), w.tolist()
    for n in range(B):
        for o in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    acc = float(b[o])
                    for c in range(C_in):
                        for u in range(kh):
                            for v in range(kw):
                                r, q = i * s + u * d - p, j * s + v * d - p
                                if 0 <= r < H and 0 <= q < W:
                                    acc += Wt[o][c][u][v] * X[n][c][r][q]
                    y[n, o, i, j] = acc
    return y


def test_matches_scalar_loop():
    x, w, b, _ = make((1, 2, 6, 7, 2, 3, 3), 2)
    torch.testing.assert_close(ref.conv2d(x, w, b, 2, 1, 2), scalar_loop(x, w, b, 2, 1, 2),
                               atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("variant,config", [
    ("flipped_filter", CONFIGS[0]),
    ("ignores_dilation", CONFIGS[3]),
    ("pad_one_side", CONFIGS[1]),
    ("ceil_output_size", CONFIGS[2]),
    ("stride_swapped", CONFIGS[4]),
])
def test_wrong_variants_disagree_with_torch(variant, config):
    x, w, b, (stride, padding, dilation) = make(config, 3)
    got = wrong(ITEM, variant).conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    want = F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    assert got.shape != want.shape or not torch.allclose(got, want, atol=1e-8)
