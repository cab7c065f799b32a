"""attention/linear-attention: the O(T) reference against the quadratic masked form
(phi(Q) phi(K)^T * mask) V / rowsum, F.elu for the feature map, and a chunked RNN run."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/linear-attention"
ref = reference(ITEM)


def quadratic(q, k, v, causal):
    fq, fk = F.elu(q) + 1, F.elu(k) + 1
    A = fq @ fk.transpose(-2, -1)                                   # (B, H, T, T), all positive
    if causal:
        A = A * torch.ones(A.shape[-2:], dtype=A.dtype).tril()
    return (A @ v) / A.sum(dim=-1, keepdim=True)


def inputs(B, H, T, D, Dv, seed, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(B, H, T, D, generator=g, dtype=torch.float64) * scale,
            torch.randn(B, H, T, D, generator=g, dtype=torch.float64) * scale,
            torch.randn(B, H, T, Dv, generator=g, dtype=torch.float64))


@pytest.mark.parametrize("B,H,T,D,Dv,causal,scale", [
    (2, 3, 10, 4, 6, True, 1.0), (2, 2, 7, 5, 3, False, 1.0), (3, 2, 1, 4, 4, True, 1.0),
    (1, 2, 33, 8, 8, True, 3.0), (1, 1, 16, 2, 5, False, 3.0),
])
def test_matches_quadratic_form(B, H, T, D, Dv, causal, scale):
    q, k, v = inputs(B, H, T, D, Dv, seed=T + D, scale=scale)
    out, (S, z) = ref.linear_attention(q, k, v, causal=causal)
    torch.testing.assert_close(out, quadratic(q, k, v, causal), atol=1e-11, rtol=1e-10)
    fk = F.elu(k) + 1
    torch.testing.assert_close(S, fk.transpose(-2, -1) @ v, atol=1e-11, rtol=1e-10)
    torch.testing.assert_close(z, fk.sum(dim=2), atol=1e-11, rtol=1e-10)


def test_feature_map_is_elu_plus_one():
    x = torch.linspace(-8, 8, 101, dtype=torch.float64)
    torch.testing.assert_close(ref.feature_map(x), F.elu(x) + 1, atol=0, rtol=0)


def test_chunks_equal_one_call_and_grads_match():
    q, k, v = inputs(2, 2, 12, 4, 3, seed=1)
    full, state = ref.linear_attention(q, k, v)
    parts, st = [], None
    for a, b in ((0, 5), (5, 6), (6, 12)):
        out, st = ref.linear_attention(q[:, :, a:b], k[:, :, a:b], v[:, :, a:b], state=st)
        parts.append(out)
    torch.testing.assert_close(torch.cat(parts, dim=2), full, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(st[0], state[0], atol=1e-12, rtol=1e-10)

    leaves = [t.clone().requires_grad_(True) for t in (q, k, v)]
    up = torch.randn(full.shape, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    ours = torch.autograd.grad((ref.linear_attention(*leaves)[0] * up).sum(), leaves)
    theirs = torch.autograd.grad((quadratic(*leaves, True) * up).sum(), leaves)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-10, rtol=1e-9)


@pytest.mark.parametrize("name", ["elu_without_plus_one", "ignores_causal", "exclusive_sums", "no_normaliser",
                                  "scaled_queries", "ignores_state"])
def test_wrong_variants_disagree(name):
    q, k, v = inputs(1, 2, 8, 4, 4, seed=3)
    bad = wrong(ITEM, name)
    first, st = bad.linear_attention(q[:, :, :4], k[:, :, :4], v[:, :, :4])
    second, _ = bad.linear_attention(q[:, :, 4:], k[:, :, 4:], v[:, :, 4:], state=st)
    got = torch.cat([first, second], dim=2)
    assert not torch.allclose(got, quadratic(q, k, v, True), atol=1e-6, equal_nan=False)
