"""The clip_grad_norm reference agrees with torch.nn.utils.clip_grad_norm_."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "optimisation/clip-grad-norm"
ref = reference(ITEM)
SHAPES = [(), (7,), (3, 4), (2, 3, 5)]


def compare(fn, max_norm, norm_type, scale, seed, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    grads = [torch.randn(s, generator=g, dtype=dtype) * scale for s in SHAPES]
    ours = [x.clone() for x in grads]
    params = [torch.nn.Parameter(torch.zeros_like(x)) for x in grads]
    for p, x in zip(params, grads, strict=True):
        p.grad = x.clone()
    their_total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type=norm_type)
    our_total = fn(ours, max_norm, norm_type=norm_type)
    return our_total, their_total, ours, [p.grad for p in params]


@pytest.mark.parametrize("norm_type", [1.0, 2.0, 3.0, float("inf")])
@pytest.mark.parametrize("max_norm,scale", [(1.0, 1.0), (100.0, 1.0), (0.5, 10.0), (1e-6, 1e-7),
                                            (2.0, 0.0)])
@pytest.mark.parametrize("seed", [0, 1])
def test_matches_torch(norm_type, max_norm, scale, seed):
    our_total, their_total, ours, theirs = compare(ref.clip_grad_norm, max_norm, norm_type,
                                                   scale, seed)
    assert our_total.dtype == torch.float64 and our_total.dim() == 0
    torch.testing.assert_close(our_total, their_total, atol=1e-14, rtol=1e-12)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-14, rtol=1e-12)


def test_float32():
    our_total, their_total, ours, theirs = compare(ref.clip_grad_norm, 1.0, 2.0, 3.0, 5,
                                                   torch.float32)
    torch.testing.assert_close(our_total, their_total)
    for a, b in zip(ours, theirs, strict=True):
        assert a.dtype == torch.float32
        torch.testing.assert_close(a, b)


@pytest.mark.parametrize("variant,max_norm,norm_type,scale", [
    ("per_tensor_clipping", 1.0, 2.0, 1.0),
    ("sum_of_norms", 1.0, 2.0, 1.0),
    ("scales_up", 100.0, 2.0, 1.0),
    ("no_epsilon", 1e-6, 2.0, 1e-7),
    ("power_formula", 1.0, float("inf"), 1.0),
    ("returns_clipped_norm", 1.0, 2.0, 1.0),
])
def test_wrong_variants_disagree_with_torch(variant, max_norm, norm_type, scale):
    our_total, their_total, ours, theirs = compare(wrong(ITEM, variant).clip_grad_norm, max_norm,
                                                   norm_type, scale, 0)
    same = torch.allclose(our_total, their_total, atol=1e-14, rtol=1e-9) and all(
        torch.allclose(a, b, atol=1e-14, rtol=1e-9) for a, b in zip(ours, theirs, strict=True))
    assert not same
