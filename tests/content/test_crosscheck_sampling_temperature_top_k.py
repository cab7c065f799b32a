"""Cross-checks for sampling/temperature-top-k: the reference against a plain-Python loop,
its stated sampling contract, the empirical distribution, and (when installed) Hugging Face."""

from __future__ import annotations

import math

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "sampling/temperature-top-k"
ref = reference(ITEM)


def loop_keep(row: list[float], k: int, temperature: float) -> set[int]:
    """Token i stays when fewer than k tokens are strictly larger than it."""
    z = [x / temperature for x in row]
    return {i for i, zi in enumerate(z) if sum(1 for zj in z if zj > zi) < k}


def kept_sets(filtered: torch.Tensor) -> list[set[int]]:
    flat = torch.isfinite(filtered).reshape(-1, filtered.shape[-1])
    return [set(torch.nonzero(r).flatten().tolist()) for r in flat]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("k", [1, 2, 5, 13, 20])
@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0])
def test_matches_loop(seed, k, temperature):
    g = torch.Generator().manual_seed(seed)
    # Half the rows have integer logits, so ties at the boundary are common.
    logits = torch.cat([torch.randn(3, 13, generator=g, dtype=torch.float64) * 2,
                        torch.randint(-2, 3, (3, 13), generator=g).double()])
    out = ref.top_k_filter(logits, k, temperature)
    assert out.dtype == logits.dtype and out.shape == logits.shape
    for row, got, vals in zip(logits.tolist(), kept_sets(out), out, strict=True):
        assert got == loop_keep(row, k, temperature)
        assert len(got) >= min(k, len(row))
        for i in got:
            assert vals[i].item() == row[i] / temperature


def test_prompt_example():
    x = torch.tensor([1.0, 3.0, 0.0, 3.0, 2.0])
    inf = -math.inf
    assert ref.top_k_filter(x, 2).tolist() == [inf, 3.0, inf, 3.0, inf]
    assert ref.top_k_filter(x, 3).tolist() == [inf, 3.0, inf, 3.0, 2.0]
    assert ref.top_k_filter(x, 3, 0.5).tolist() == [inf, 6.0, inf, 6.0, 4.0]
    assert ref.top_k_filter(torch.tensor([5.0, 4.0, 4.0, 1.0]), 2).tolist() == [5.0, 4.0, 4.0, inf]
    assert ref.top_k_filter(x, 10).tolist() == x.tolist()


def test_sampling_follows_the_stated_call():
    logits = torch.randn(3, 4, 9, generator=torch.Generator().manual_seed(3))
    got = ref.sample_top_k(logits, 3, torch.Generator().manual_seed(11), temperature=0.7)
    probs = torch.softmax(ref.top_k_filter(logits, 3, 0.7), -1).reshape(-1, 9)
    want = torch.multinomial(probs, 1, generator=torch.Generator().manual_seed(11))
    assert got.dtype == torch.int64 and got.shape == (3, 4)
    assert torch.equal(got, want.reshape(3, 4))


def test_sampling_distribution():
    row = torch.tensor([2.0, 1.0, 0.5, 0.0, -0.5, -1.0, 1.5, -2.0])
    n = 200_000
    tokens = ref.sample_top_k(row.expand(n, -1), 3, torch.Generator().manual_seed(5), 0.8)
    freq = torch.bincount(tokens, minlength=8).double() / n
    target = torch.zeros(8, dtype=torch.float64)
    weights = {i: math.exp(row[i].item() / 0.8) for i in (0, 1, 6)}
    for i, w in weights.items():
        target[i] = w / sum(weights.values())
    # 200k draws: standard error below 0.0012 per token; 0.006 is five of them.
    assert torch.allclose(freq, target, atol=0.006, rtol=0)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_the_loop(name):
    bad = wrong(ITEM, name)
    g = torch.Generator().manual_seed(0)
    inputs = [(torch.randint(0, 3, (4, 24), generator=g).float(), 5, 1.0),
              (torch.randn(4, 10, generator=g), 3, 0.5), (torch.randn(2, 6, generator=g), 9, 1.0)]
    disagrees = False
    for logits, k, t in inputs:
        try:
            out = bad.top_k_filter(logits.clone(), k, t)
        except RuntimeError:
            disagrees = True
            continue
        for row, got in zip(logits.tolist(), kept_sets(out), strict=True):
            disagrees |= got != loop_keep(row, k, t)
        finite = torch.isfinite(out)
        disagrees |= not torch.allclose(out[finite], (logits / t)[finite])
    if not disagrees:
        logits = torch.randn(3, 4, 9, generator=g)
        got = bad.sample_top_k(logits, 3, torch.Generator().manual_seed(11), temperature=0.7)
        want = ref.sample_top_k(logits, 3, torch.Generator().manual_seed(11), temperature=0.7)
        disagrees = not torch.equal(got, want)
    assert disagrees


@pytest.mark.parametrize("seed", range(5))
def test_matches_transformers_warpers(seed):
    transformers = pytest.importorskip("transformers")
    logits = torch.randint(-3, 4, (5, 20), generator=torch.Generator().manual_seed(seed)).float()
    scaled = transformers.TemperatureLogitsWarper(0.7)(None, logits.clone())
    theirs = transformers.TopKLogitsWarper(4)(None, scaled)
    torch.testing.assert_close(ref.top_k_filter(logits, 4, 0.7), theirs)
