"""attention/flash-attention-backward: the tiled reference against torch.autograd through the
naive attention formula (torch.softmax), on several seeds, tile sizes and masks."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "attention/flash-attention-backward"
ref = reference(ITEM)


def setup(L, S, D, Dv, causal, mag, seed, scale=None):
    g = torch.Generator().manual_seed(seed)
    q = (torch.randn(2, 3, L, D, generator=g, dtype=torch.float64) * mag).requires_grad_(True)
    k = (torch.randn(2, 3, S, D, generator=g, dtype=torch.float64) * mag).requires_grad_(True)
    v = torch.randn(2, 3, S, Dv, generator=g, dtype=torch.float64).requires_grad_(True)
    d_o = torch.randn(2, 3, L, Dv, generator=g, dtype=torch.float64)
    c = 1 / math.sqrt(D) if scale is None else scale
    s = q @ k.transpose(-2, -1) * c
    if causal:
        s = s.masked_fill(torch.ones(L, S, dtype=torch.bool).triu(1), float("-inf"))
    o = torch.softmax(s, dim=-1) @ v
    o.backward(d_o)
    lse = torch.logsumexp(s, dim=-1).detach()
    args = (q.detach(), k.detach(), v.detach(), o.detach(), lse, d_o)
    return args, (q.grad, k.grad, v.grad)


@pytest.mark.parametrize("L,S,D,Dv,bq,bk,causal,mag,seed", [
    (8, 8, 8, 8, 4, 4, False, 1.0, 0), (11, 11, 8, 8, 3, 4, True, 1.0, 1),
    (5, 13, 4, 6, 2, 5, False, 1.0, 2), (7, 7, 4, 4, 1, 1, True, 1.0, 3),
    (7, 7, 4, 4, 16, 16, True, 1.0, 4), (16, 16, 16, 8, 5, 3, True, 20.0, 5),
    (1, 1, 8, 8, 2, 2, True, 1.0, 6), (9, 31, 8, 3, 4, 7, False, 5.0, 7),
])
def test_matches_autograd(L, S, D, Dv, bq, bk, causal, mag, seed):
    args, want = setup(L, S, D, Dv, causal, mag, seed)
    got = ref.flash_attention_backward(*args, bq, bk, causal=causal)
    for g, w in zip(got, want, strict=True):
        torch.testing.assert_close(g, w, atol=1e-10, rtol=1e-9)


def test_custom_scale_matches_autograd():
    args, want = setup(6, 6, 9, 5, True, 1.0, 8, scale=0.7)
    got = ref.flash_attention_backward(*args, 4, 2, causal=True, scale=0.7)
    for g, w in zip(got, want, strict=True):
        torch.testing.assert_close(g, w, atol=1e-10, rtol=1e-9)


@pytest.mark.parametrize("name", ["no_delta_term", "delta_per_block", "unscaled_recompute",
                                  "no_causal_mask_in_backward", "scale_missing_in_dq_dk"])
def test_wrong_variants_disagree(name):
    args, want = setup(11, 11, 8, 8, True, 1.0, 9)
    got = wrong(ITEM, name).flash_attention_backward(*args, 3, 4, causal=True)
    assert not all(torch.allclose(g, w, atol=1e-6) for g, w in zip(got, want, strict=True))
