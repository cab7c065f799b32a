"""layers/group-norm: the reference against F.group_norm (and nn.GroupNorm), values and
gradients in float64, plus the groups = 1 and groups = C edge cases against F.layer_norm-like
and F.instance_norm references."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "layers/group-norm"
ref = reference(ITEM)


def data(shape, seed, offset=0.0, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    C = shape[1]
    per = (1, C) + (1,) * (len(shape) - 2)
    return (torch.randn(*shape, generator=g, dtype=dtype) * (torch.rand(per, generator=g, dtype=dtype) + 0.2)
            + torch.randn(per, generator=g, dtype=dtype) * 3 + offset)


@pytest.mark.parametrize("shape,G,affine,eps", [
    ((2, 6, 4, 4), 3, True, 1e-5), ((3, 4, 5, 2), 1, True, 1e-5), ((2, 5, 3, 3), 5, True, 1e-5),
    ((4, 8), 4, True, 1e-5), ((2, 6, 7), 2, False, 1e-2), ((1, 32, 2, 3, 2), 8, True, 1e-6),
])
def test_matches_torch(shape, G, affine, eps):
    x = data(shape, seed=sum(shape)).requires_grad_(True)
    C = shape[1]
    g = torch.Generator().manual_seed(G)
    w = (1 + torch.randn(C, generator=g, dtype=torch.float64)).requires_grad_(True) if affine else None
    b = torch.randn(C, generator=g, dtype=torch.float64).requires_grad_(True) if affine else None
    ours = ref.group_norm(x, G, w, b, eps)
    theirs = F.group_norm(x, G, w, b, eps)
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    leaves = [t for t in (x, w, b) if t is not None]
    up = torch.randn(shape, generator=g, dtype=torch.float64)
    grads_ours = torch.autograd.grad((ours * up).sum(), leaves)
    grads_theirs = torch.autograd.grad((theirs * up).sum(), leaves)
    for a, c in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(a, c, atol=1e-11, rtol=1e-9)


def test_module_and_edge_groups():
    x = data((3, 6, 4, 4), seed=1)
    gn = torch.nn.GroupNorm(3, 6).double()
    with torch.no_grad():
        gn.weight.normal_()
        gn.bias.normal_()
    torch.testing.assert_close(ref.group_norm(x, 3, gn.weight, gn.bias), gn(x), atol=1e-12, rtol=1e-10)
    # groups = C is instance norm; groups = 1 is layer norm over (C, H, W) without affine.
    torch.testing.assert_close(ref.group_norm(x, 6), F.instance_norm(x), atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(ref.group_norm(x, 1), F.layer_norm(x, x.shape[1:]), atol=1e-12, rtol=1e-10)


def test_float32_large_offset():
    x = data((2, 4, 4, 4), seed=2, offset=1e4, dtype=torch.float32)
    want = F.group_norm(x.double(), 2).float()
    torch.testing.assert_close(ref.group_norm(x, 2), want, atol=2e-3, rtol=1e-3)


@pytest.mark.parametrize("name", ["unbiased_variance", "strided_groups", "stats_over_batch",
                                  "eps_outside_sqrt", "one_pass_variance"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    small = data((2, 6, 3, 3), seed=3) * 0.05
    offset = data((2, 4, 4, 4), seed=4, offset=1e4, dtype=torch.float32)
    want = F.group_norm(small, 3, eps=1e-2)
    differs = not torch.allclose(bad.group_norm(small, 3, eps=1e-2), want, atol=1e-6)
    got = bad.group_norm(offset, 2)
    differs |= not torch.allclose(got, F.group_norm(offset.double(), 2).float(), atol=2e-3, rtol=1e-3)
    assert differs
