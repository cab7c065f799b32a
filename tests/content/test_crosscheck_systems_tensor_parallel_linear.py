"""Cross-checks for systems/tensor-parallel-linear: the reference against the unsharded MLP built
from torch.nn.Linear and nn.GELU (weights copied in the (out, in) layout), gradients against
autograd on that module, and the splits against torch.chunk."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong
from torch import nn

ITEM = "systems/tensor-parallel-linear"
ref = reference(ITEM)


def module_and_weights(D, H, seed):
    torch.manual_seed(seed)
    mlp = nn.Sequential(nn.Linear(D, H), nn.GELU(), nn.Linear(H, D)).double()
    w1 = mlp[0].weight.detach().T.clone()
    b1 = mlp[0].bias.detach().clone()
    w2 = mlp[2].weight.detach().T.clone()
    b2 = mlp[2].bias.detach().clone()
    return mlp, (w1, b1, w2, b2)


@pytest.mark.parametrize("n", [1, 2, 4, 8, 16])
def test_matches_nn_module_and_its_gradients(n):
    mlp, weights = module_and_weights(12, 16, seed=n)
    x = torch.randn(3, 5, 12, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    leaves = [t.clone().requires_grad_(True) for t in (x, *weights)]
    out, partials = ref.tensor_parallel_mlp(*leaves, n)
    x2 = x.clone().requires_grad_(True)
    want = mlp(x2)
    torch.testing.assert_close(out, want)
    torch.testing.assert_close(partials.sum(0) + weights[3], want)
    assert partials.shape == (n, 3, 5, 12)
    up = torch.randn(out.shape, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    (out * up).sum().backward()
    (want * up).sum().backward()
    torch.testing.assert_close(leaves[0].grad, x2.grad)
    torch.testing.assert_close(leaves[1].grad, mlp[0].weight.grad.T)
    torch.testing.assert_close(leaves[2].grad, mlp[0].bias.grad)
    torch.testing.assert_close(leaves[3].grad, mlp[2].weight.grad.T)
    torch.testing.assert_close(leaves[4].grad, mlp[2].bias.grad)


def test_partials_are_per_shard_products():
    _, (w1, b1, w2, b2) = module_and_weights(4, 8, seed=3)
    x = torch.randn(2, 4, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    _, partials = ref.tensor_parallel_mlp(x, w1, b1, w2, b2, 4)
    for i in range(4):
        cols = range(2 * i, 2 * i + 2)
        want = torch.zeros(2, 4, dtype=torch.float64)
        for h in cols:  # one hidden unit at a time, the definition
            want += torch.nn.functional.gelu(x @ w1[:, h] + b1[h])[:, None] * w2[h][None, :]
        torch.testing.assert_close(partials[i], want)


def test_splits_match_torch_chunk():
    w1, b1, w2 = torch.randn(5, 12), torch.randn(12), torch.randn(12, 5)
    cols = ref.split_column_parallel(w1, b1, 3)
    for (a, b), c, d in zip(cols, torch.chunk(w1, 3, dim=1), torch.chunk(b1, 3), strict=True):
        assert torch.equal(a, c) and torch.equal(b, d)
    for a, c in zip(ref.split_row_parallel(w2, 3), torch.chunk(w2, 3, dim=0), strict=True):
        assert torch.equal(a, c)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_module_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    mlp, weights = module_and_weights(8, 16, seed=7)
    x = torch.randn(4, 8, generator=torch.Generator().manual_seed(5), dtype=torch.float64)
    out, _ = bad.tensor_parallel_mlp(x, *weights, 4)
    assert not torch.allclose(out, mlp(x).detach(), atol=1e-6)
