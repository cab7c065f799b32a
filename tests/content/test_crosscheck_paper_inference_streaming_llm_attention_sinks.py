"""Cross-check paper/inference/streaming-llm-attention-sinks: the reference against an oracle
that picks the kept tokens from the stream definition (indices, not cache surgery), rotates
with complex numbers and attends with F.scaled_dot_product_attention."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong

ITEM = "inference/streaming-llm-attention-sinks"
ref = reference(ITEM, "paper")


def kept_indices(t, n_sink, window):
    """Tokens 0..t have arrived: the first n_sink and the last `window` of them."""
    seen = list(range(t + 1))
    if len(seen) <= n_sink + window:
        return seen
    return seen[:n_sink] + seen[-window:]


def complex_rope(x, positions, base):
    d = x.shape[-1]
    inv = base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    z = torch.complex(x[..., : d // 2].double(), x[..., d // 2:].double())
    angle = positions.double()[:, None] * inv[None, :]
    r = z * torch.polar(torch.ones_like(angle), angle)
    return torch.cat([r.real, r.imag], dim=-1).to(x.dtype)


def oracle(q, k, v, n_sink, window, base=10000.0):
    T = q.shape[2]
    outs = []
    for t in range(T):
        idx = kept_indices(t, n_sink, window)
        N = len(idx)
        kr = complex_rope(k[:, :, idx], torch.arange(N), base)
        qr = complex_rope(q[:, :, t:t + 1], torch.tensor([N - 1]), base)
        outs.append(F.scaled_dot_product_attention(qr, kr, v[:, :, idx]).squeeze(2))
    last = kept_indices(T - 1, n_sink, window)
    return torch.stack(outs, 2), k[:, :, last], v[:, :, last]


def stream(B, H, T, d, seed, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return tuple(torch.randn(B, H, T, d, generator=g, dtype=torch.float64) * s
                 for s in (scale, scale, 1.0))


@pytest.mark.parametrize("B,H,T,d,n_sink,window,base,scale,seed", [
    (2, 2, 12, 8, 2, 4, 1e4, 1.0, 1), (1, 2, 16, 8, 4, 3, 500.0, 1.0, 2),
    (1, 2, 10, 8, 1, 3, 1e4, 20.0, 3), (2, 1, 6, 4, 1, 1, 1e4, 1.0, 4),
    (1, 1, 9, 6, 0, 3, 1e4, 1.0, 5), (1, 3, 5, 8, 4, 8, 1e4, 1.0, 6)])
def test_decode_matches_oracle(B, H, T, d, n_sink, window, base, scale, seed):
    q, k, v = stream(B, H, T, d, seed, scale)
    out, kc, vc = ref.stream_decode(q, k, v, n_sink, window, base)
    want, want_k, want_v = oracle(q, k, v, n_sink, window, base)
    torch.testing.assert_close(out, want, atol=1e-11, rtol=1e-10)
    torch.testing.assert_close(kc, want_k, atol=0, rtol=0)
    torch.testing.assert_close(vc, want_v, atol=0, rtol=0)


@pytest.mark.parametrize("n_sink,window,chunks", [(2, 3, [10]), (4, 2, [3, 6]),
                                                  (2, 3, [1] * 9), (0, 3, [7]), (3, 5, [2, 2, 9])])
def test_chunked_updates_keep_the_stream_definition(n_sink, window, chunks):
    total = sum(chunks)
    ids = torch.arange(total, dtype=torch.float64).view(1, 1, total, 1)
    k = v = ids[:, :, :0]
    start = 0
    for size in chunks:
        k, v = ref.update_cache(k, v, ids[:, :, start:start + size], ids[:, :, start:start + size],
                                n_sink, window)
        start += size
        assert k[0, 0, :, 0].tolist() == kept_indices(start - 1, n_sink, window)


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name, "paper")
    q, k, v = stream(1, 2, 12, 8, 7)
    out, kc, _ = bad.stream_decode(q, k, v, 2, 4)
    want, want_k, _ = oracle(q, k, v, 2, 4)
    assert kc.shape != want_k.shape or not torch.allclose(out, want, atol=1e-6)
