"""The log-softmax / cross-entropy reference agrees with PyTorch's own implementations."""

from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from itemload import load_module

ITEM = (Path(__file__).parents[2] / "src/onsite/packs/core/code/numerics/log-softmax-cross-entropy")


def load_reference():
    return load_module(ITEM / ".meta/solution.py")


ref = load_reference()


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("scale", [1.0, 30.0, 1e4])
@pytest.mark.parametrize("dim", [-1, 0, 1])
def test_log_softmax_matches_torch(seed, scale, dim):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(3, 6, 4, generator=g, dtype=torch.float64) * scale
    torch.testing.assert_close(ref.log_softmax(x, dim=dim), torch.log_softmax(x, dim=dim),
                               atol=1e-10, rtol=1e-12)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("eps", [0.0, 0.1, 0.3, 0.9])
@pytest.mark.parametrize("shape", [(1, 1), (1, 6), (7, 1), (16, 10), (5, 2)])
def test_cross_entropy_and_grad_match_torch(seed, eps, shape):
    n, c = shape
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, c, generator=g, dtype=torch.float64) * 3
    targets = torch.randint(0, c, (n,), generator=g)
    x1 = logits.clone().requires_grad_(True)
    x2 = logits.clone().requires_grad_(True)
    mine = ref.cross_entropy(x1, targets, label_smoothing=eps)
    theirs = F.cross_entropy(x2, targets, label_smoothing=eps)
    mine.backward()
    theirs.backward()
    assert mine.dim() == 0 and mine.dtype == torch.float64
    torch.testing.assert_close(mine, theirs, atol=1e-12, rtol=1e-12)
    torch.testing.assert_close(x1.grad, x2.grad, atol=1e-12, rtol=1e-10)


def test_cross_entropy_huge_logits_float32():
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(6, 5, generator=g) * 1e4
    targets = torch.randint(0, 5, (6,), generator=g)
    for eps in (0.0, 0.1):
        mine = ref.cross_entropy(logits, targets, label_smoothing=eps)
        theirs = F.cross_entropy(logits, targets, label_smoothing=eps)
        assert torch.isfinite(mine)
        torch.testing.assert_close(mine, theirs, atol=1e-2, rtol=1e-5)
