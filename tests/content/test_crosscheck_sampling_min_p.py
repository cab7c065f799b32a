"""Cross-checks for sampling/min-p: the reference against a plain-Python loop in log space,
its stated sampling contract, the empirical distribution, and (when installed) Hugging Face."""

from __future__ import annotations

import math

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "sampling/min-p"
ref = reference(ITEM)


def loop_keep(row: list[float], p_min: float, temperature: float) -> set[int]:
    """pi_i / pi_max = exp(z_i - z_max): the normaliser cancels, no softmax needed."""
    z = [x / temperature for x in row]
    top = max(z)
    return {i for i, zi in enumerate(z) if math.exp(zi - top) >= p_min}


def fragile(row: list[float], p_min: float, temperature: float) -> bool:
    z = [x / temperature for x in row]
    return any(abs(math.exp(zi - max(z)) - p_min) < 1e-9 for zi in z)


def kept_sets(filtered: torch.Tensor) -> list[set[int]]:
    flat = torch.isfinite(filtered).reshape(-1, filtered.shape[-1])
    return [set(torch.nonzero(r).flatten().tolist()) for r in flat]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("p_min", [0.0, 0.01, 0.1, 0.5, 0.9, 1.0])
@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0])
def test_matches_loop(seed, p_min, temperature):
    g = torch.Generator().manual_seed(seed)
    logits = torch.cat([torch.randn(4, 13, generator=g, dtype=torch.float64) * 2,
                        torch.randint(-2, 3, (2, 13), generator=g).double()])
    out = ref.min_p_filter(logits, p_min, temperature)
    assert out.dtype == logits.dtype and out.shape == logits.shape
    for row, got, vals in zip(logits.tolist(), kept_sets(out), out, strict=True):
        if fragile(row, p_min, temperature) and p_min not in (0.0, 1.0):
            continue
        assert got == loop_keep(row, p_min, temperature)
        for i in got:
            assert vals[i].item() == row[i] / temperature


def test_prompt_example():
    x = torch.tensor([2.0, 1.0, 0.0, -1.0])
    assert ref.min_p_filter(x, 0.2).tolist() == [2.0, 1.0, -math.inf, -math.inf]
    assert ref.min_p_filter(x, 0.2, 2.0).tolist() == [1.0, 0.5, 0.0, -0.5]


def test_sampling_follows_the_stated_call():
    logits = torch.randn(3, 4, 9, generator=torch.Generator().manual_seed(3))
    got = ref.sample_min_p(logits, 0.2, torch.Generator().manual_seed(11), temperature=0.7)
    probs = torch.softmax(ref.min_p_filter(logits, 0.2, 0.7), -1).reshape(-1, 9)
    want = torch.multinomial(probs, 1, generator=torch.Generator().manual_seed(11))
    assert got.dtype == torch.int64 and got.shape == (3, 4)
    assert torch.equal(got, want.reshape(3, 4))


def test_sampling_distribution():
    row = torch.tensor([2.0, 1.0, 0.5, 0.0, -0.5, -1.0, 1.5, -2.0])
    n = 200_000
    tokens = ref.sample_min_p(row.expand(n, -1), 0.3, torch.Generator().manual_seed(5))
    freq = torch.bincount(tokens, minlength=8).double() / n
    kept = loop_keep(row.tolist(), 0.3, 1.0)
    assert kept == {0, 1, 6}
    target = torch.zeros(8, dtype=torch.float64)
    for i in kept:
        target[i] = math.exp(row[i].item())
    target /= target.sum()
    # 200k draws: standard error below 0.0012 per token; 0.006 is five of them.
    assert torch.allclose(freq, target, atol=0.006, rtol=0)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_the_loop(name):
    bad = wrong(ITEM, name)
    g = torch.Generator().manual_seed(0)
    inputs = [(torch.randn(6, 12, generator=g) * 2, 0.1, 0.5),
              (torch.randn(4, 10, generator=g) + 500.0, 0.1, 1.0),
              (torch.tensor([[0.0, 3.0, 3.0, 1.0]]), 1.0, 1.0),
              (torch.randn(4, 10, generator=g), 0.3, 2.0)]
    disagrees = False
    for logits, p_min, t in inputs:
        out = bad.min_p_filter(logits.clone(), p_min, t)
        if torch.isnan(out).any():
            disagrees = True
            continue
        for row, got in zip(logits.double().tolist(), kept_sets(out), strict=True):
            disagrees |= got != loop_keep(row, p_min, t)
        finite = torch.isfinite(out)
        disagrees |= not torch.allclose(out[finite], (logits / t)[finite])
    assert disagrees


@pytest.mark.parametrize("seed", range(5))
def test_matches_transformers_warper(seed):
    transformers = pytest.importorskip("transformers")
    logits = torch.randn(5, 20, generator=torch.Generator().manual_seed(seed)) * 2
    scaled = transformers.TemperatureLogitsWarper(0.7)(None, logits.clone())
    theirs = transformers.MinPLogitsWarper(0.1)(None, scaled)
    torch.testing.assert_close(ref.min_p_filter(logits, 0.1, 0.7), theirs)
