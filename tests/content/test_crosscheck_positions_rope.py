"""positions/rope: the reference against a complex-number formulation and an explicit attention loop."""

import cmath
import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "positions/rope"
ref = reference(ITEM)


def complex_rope(x, offset=0, base=10000.0):
    """Pair i is the complex number x_i + 1j * x_{i+D/2}; rotation is multiplication by e^{i p theta_i}."""
    D = x.shape[-1]
    half = D // 2
    z = torch.complex(x[..., :half].double(), x[..., half:].double())
    out = torch.empty_like(z)
    for t in range(x.shape[-2]):
        for i in range(half):
            angle = (offset + t) * base ** (-2 * i / D)
            out[..., t, i] = z[..., t, i] * cmath.exp(1j * angle)
    return torch.cat([out.real, out.imag], dim=-1)


def loop_attention(q, k, v):
    """Per query: rotate at its absolute position, loop over visible keys, plain softmax."""
    B, H, L, D = q.shape
    S = k.shape[-2]
    qr, kr = complex_rope(q, offset=S - L), complex_rope(k)
    out = torch.zeros(B, H, L, v.shape[-1], dtype=torch.float64)
    for b in range(B):
        for h in range(H):
            for i in range(L):
                visible = range(S - L + i + 1)
                s = [float(qr[b, h, i] @ kr[b, h, j]) / math.sqrt(D) for j in visible]
                top = max(s)
                w = [math.exp(x - top) for x in s]
                total = sum(w)
                for j, wj in zip(visible, w, strict=True):
                    out[b, h, i] += wj / total * v[b, h, j].double()
    return out


@pytest.mark.parametrize("shape,offset,base", [((2, 3, 6, 8), 0, 1e4), ((5, 16), 17, 1e4),
                                               ((1, 4, 2), 3, 100.0), ((2, 4, 32), 5000, 1e4)])
def test_apply_rope_matches_complex(shape, offset, base):
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    torch.testing.assert_close(ref.apply_rope(x, offset, base), complex_rope(x, offset, base),
                               atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("B,H,L,S,D", [(2, 2, 7, 7, 8), (1, 3, 1, 9, 16), (1, 2, 3, 8, 8)])
def test_rope_attention_matches_loop(B, H, L, S, D):
    g = torch.Generator().manual_seed(L * S)
    q = torch.randn(B, H, L, D, generator=g, dtype=torch.float64) * 2
    k = torch.randn(B, H, S, D, generator=g, dtype=torch.float64) * 2
    v = torch.randn(B, H, S, D, generator=g, dtype=torch.float64)
    torch.testing.assert_close(ref.rope_attention(q, k, v), loop_attention(q, k, v),
                               atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["interleaved_pairs", "frequency_exponent", "clockwise",
                                  "rotates_values", "queries_from_zero"])
def test_wrong_variants_disagree(name):
    g = torch.Generator().manual_seed(1)
    q = torch.randn(1, 2, 3, 8, generator=g, dtype=torch.float64) * 2
    k = torch.randn(1, 2, 8, 8, generator=g, dtype=torch.float64) * 2
    v = torch.randn(1, 2, 8, 8, generator=g, dtype=torch.float64)
    bad = wrong(ITEM, name).rope_attention(q, k, v)
    assert not torch.allclose(bad, loop_attention(q, k, v), atol=1e-6)
