"""Cross-checks for compression/magnitude-pruning: the reference against torch.nn.utils.prune
(l1_unstructured and global_unstructured) on tie-free weights, and a plain-Python ranking
with ties."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong
from torch import nn
from torch.nn.utils import prune

ITEM = "compression/magnitude-pruning"
ref = reference(ITEM)


def loop_masks(tensors: list[torch.Tensor], sparsity: float) -> list[list[bool]]:
    flat = [abs(v) for t in tensors for v in t.reshape(-1).tolist()]
    k = round(sparsity * len(flat))
    pruned = set(sorted(range(len(flat)), key=lambda i: (flat[i], i))[:k])
    keep = [i not in pruned for i in range(len(flat))]
    out, start = [], 0
    for t in tensors:
        out.append(keep[start:start + t.numel()])
        start += t.numel()
    return out


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("sparsity", [0.0, 0.1, 0.29, 0.5, 0.83, 1.0])
def test_per_layer_matches_torch_prune(seed, sparsity):
    layer = nn.Linear(13, 9)
    with torch.no_grad():
        layer.weight.copy_(torch.randn(9, 13, generator=torch.Generator().manual_seed(seed)))
    prune.l1_unstructured(layer, "weight", amount=sparsity)
    mask = ref.magnitude_prune(layer.weight_orig.detach(), sparsity)
    assert mask.dtype == torch.bool
    assert torch.equal(mask, layer.weight_mask.bool())


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("sparsity", [0.2, 0.5, 0.77])
def test_global_matches_torch_prune(seed, sparsity):
    g = torch.Generator().manual_seed(seed)
    layers = [nn.Linear(8, 6), nn.Linear(6, 10), nn.Linear(10, 3)]
    with torch.no_grad():
        for i, lin in enumerate(layers):
            lin.weight.copy_(torch.randn(lin.weight.shape, generator=g) * (0.3 * (i + 1)))
    weights = [lin.weight.detach().clone() for lin in layers]
    prune.global_unstructured([(lin, "weight") for lin in layers],
                              pruning_method=prune.L1Unstructured, amount=sparsity)
    for mask, lin in zip(ref.global_magnitude_prune(weights, sparsity), layers, strict=True):
        assert torch.equal(mask, lin.weight_mask.bool())


@pytest.mark.parametrize("seed", range(10))
def test_ties_match_plain_python(seed):
    g = torch.Generator().manual_seed(100 + seed)
    tensors = [torch.randint(-3, 4, (4, 7), generator=g).float(),
               torch.randint(-3, 4, (9,), generator=g).float()]
    for sparsity in (0.15, 0.4, 0.66):
        want = loop_masks(tensors, sparsity)
        got = ref.global_magnitude_prune(tensors, sparsity)
        assert [m.reshape(-1).tolist() for m in got] == want
        for t in tensors:
            assert ref.magnitude_prune(t, sparsity).reshape(-1).tolist() == loop_masks([t], sparsity)[0]


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_plain_python(name):
    bad = wrong(ITEM, name)
    g = torch.Generator().manual_seed(0)
    cases = [[torch.randint(-3, 4, (5, 8), generator=g).float()], [torch.randn(10, 10, generator=g)],
             [torch.randn(4, 4, generator=g) * 0.1, torch.randn(6, generator=g)]]
    disagrees = False
    for tensors in cases:
        for sparsity in (0.29, 0.55):
            want = loop_masks(tensors, sparsity)
            got_global = [m.reshape(-1).tolist() for m in bad.global_magnitude_prune(tensors, sparsity)]
            got_layer = bad.magnitude_prune(tensors[0], sparsity).reshape(-1).tolist()
            disagrees |= got_global != want or got_layer != loop_masks(tensors[:1], sparsity)[0]
    assert disagrees
