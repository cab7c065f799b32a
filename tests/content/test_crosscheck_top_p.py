"""Cross-checks for sampling/top-p: the reference against a plain-Python loop, its own
sampling contract, and (when installed) Hugging Face's TopPLogitsWarper."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch
from itemload import load_module

ITEM = Path(__file__).resolve().parents[2] / "src/onsite/packs/core/code/sampling/top-p"


def load(path: Path):
    return load_module(path)


ref = load(ITEM / ".meta/solution.py")


def loop_nucleus(row: list[float], p: float, temperature: float) -> set[int]:
    """The nucleus of one row, one token at a time, in plain Python floats."""
    z = [x / temperature for x in row]
    top = max(z)
    weights = [math.exp(v - top) for v in z]
    total = sum(weights)
    probs = [w / total for w in weights]
    if p >= 1:
        return set(range(len(row)))
    kept: set[int] = set()
    mass = 0.0
    for i in sorted(range(len(row)), key=lambda j: (-probs[j], j)):
        kept.add(i)
        mass += probs[i]
        if mass >= p:
            break
    return kept


def near_boundary(row: list[float], p: float, temperature: float, eps: float) -> bool:
    """True when some cumulative sum lies within eps of p (the nucleus is then fragile)."""
    probs = torch.softmax(torch.tensor(row, dtype=torch.float64) / temperature, -1)
    cumulative = torch.sort(probs, descending=True).values.cumsum(-1)
    return bool(((cumulative - p).abs() < eps).any())


def kept_sets(filtered: torch.Tensor) -> list[set[int]]:
    flat = torch.isfinite(filtered).reshape(-1, filtered.shape[-1])
    return [set(torch.nonzero(r).flatten().tolist()) for r in flat]


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("p", [0.05, 0.3, 0.7, 0.9, 0.99, 1.0])
@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0])
def test_matches_loop_on_random_rows(seed, p, temperature):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(6, 13, generator=g, dtype=torch.float64) * 2
    out = ref.top_p_filter(logits, p, temperature)
    assert out.dtype == logits.dtype and out.shape == logits.shape
    for row, got, vals in zip(logits.tolist(), kept_sets(out), out, strict=True):
        if near_boundary(row, p, temperature, 1e-9):
            continue
        assert got == loop_nucleus(row, p, temperature)
        # kept entries hold the scaled logit, exactly
        for i in got:
            assert vals[i].item() == pytest.approx(row[i] / temperature, rel=1e-15, abs=0)


@pytest.mark.parametrize("seed", range(20))
def test_ties_match_loop(seed):
    # Integer logits give exact ties; V > 16 is where an unstable CPU sort reorders them.
    g = torch.Generator().manual_seed(100 + seed)
    logits = torch.randint(-2, 3, (4, 24), generator=g).to(torch.float64)
    for p in (0.2, 0.45, 0.8):
        out = ref.top_p_filter(logits, p)
        for row, got in zip(logits.tolist(), kept_sets(out), strict=True):
            if near_boundary(row, p, 1.0, 1e-9):
                continue
            assert got == loop_nucleus(row, p, 1.0)


def test_exact_boundary_keeps_crossing_token():
    probs = torch.tensor([0.5, 0.25, 0.125, 0.0625, 0.0625], dtype=torch.float64)
    assert kept_sets(ref.top_p_filter(probs.log(), 0.75)) == [{0, 1}]
    assert kept_sets(ref.top_p_filter(probs.log(), 0.5)) == [{0}]
    assert kept_sets(ref.top_p_filter(probs.log(), 0.76)) == [{0, 1, 2}]
    assert kept_sets(ref.top_p_filter(torch.zeros(8), 0.375)) == [{0, 1, 2}]


def test_three_d_equals_row_by_row():
    g = torch.Generator().manual_seed(7)
    logits = torch.randn(2, 3, 11, generator=g)
    out = ref.top_p_filter(logits, 0.8, 1.3)
    for b in range(2):
        for t in range(3):
            torch.testing.assert_close(out[b, t], ref.top_p_filter(logits[b, t], 0.8, 1.3))


def test_sampling_follows_the_stated_call():
    g = torch.Generator().manual_seed(3)
    logits = torch.randn(3, 4, 9, generator=g)
    got = ref.sample_top_p(logits, 0.8, torch.Generator().manual_seed(11), temperature=0.7)
    probs = torch.softmax(ref.top_p_filter(logits, 0.8, 0.7), -1).reshape(-1, 9)
    want = torch.multinomial(probs, 1, generator=torch.Generator().manual_seed(11))
    assert got.dtype == torch.int64 and got.shape == (3, 4)
    assert torch.equal(got, want.reshape(3, 4))


def test_sampling_distribution_is_the_renormalised_nucleus():
    row = torch.tensor([2.0, 1.0, 0.5, 0.0, -0.5, -1.0, 1.5, -2.0])
    n = 200_000
    tokens = ref.sample_top_p(row.expand(n, -1), 0.85, torch.Generator().manual_seed(5))
    freq = torch.bincount(tokens, minlength=8).double() / n
    nucleus = loop_nucleus(row.tolist(), 0.85, 1.0)
    probs = torch.softmax(row.double(), -1)
    target = torch.zeros(8, dtype=torch.float64)
    for i in nucleus:
        target[i] = probs[i]
    target /= target.sum()
    # 200k draws: standard error below 0.0012 per token; 0.006 is five of them.
    assert torch.allclose(freq, target, atol=0.006, rtol=0)
    assert all(freq[i] == 0 for i in range(8) if i not in nucleus)


WRONG = sorted((ITEM / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("path", WRONG, ids=[p.stem for p in WRONG])
def test_the_loop_catches_each_wrong_filter(path):
    """The loop comparison has teeth: each wrong filter disagrees somewhere (or only its
    sampler is wrong, which the stated multinomial call then catches)."""
    wrong = load(path)
    probs = torch.tensor([[0.5, 0.25, 0.125, 0.0625, 0.0625]], dtype=torch.float64)
    g = torch.Generator().manual_seed(0)
    inputs = [(probs.log(), 0.75, 1.0), (torch.randn(8, 24, generator=g), 0.8, 0.5),
              (torch.randint(0, 3, (4, 24), generator=g).float(), 0.3, 1.0)]
    disagrees = False
    for logits, p, t in inputs:
        out = wrong.top_p_filter(logits.clone(), p, t)
        if out.shape != logits.shape or torch.isnan(out).any():
            disagrees = True
            continue
        for row, got in zip(logits.tolist(), kept_sets(out), strict=True):
            disagrees |= got != loop_nucleus(row, p, t)
        finite = torch.isfinite(out)
        disagrees |= not torch.allclose(out[finite], (logits / t)[finite])
    if not disagrees:
        logits = torch.randn(3, 4, 9, generator=g)
        got = wrong.sample_top_p(logits, 0.8, torch.Generator().manual_seed(11), temperature=0.7)
        want = ref.sample_top_p(logits, 0.8, torch.Generator().manual_seed(11), temperature=0.7)
        disagrees = not torch.equal(got, want)
    assert disagrees


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("p", [0.3, 0.7, 0.9, 0.95])
@pytest.mark.parametrize("temperature", [0.7, 1.0, 1.5])
def test_matches_transformers_warper(seed, p, temperature):
    """Same nucleus as Hugging Face on rows without ties or exact boundaries.

    Convention difference: the warper sorts ascending and drops tokens whose ascending
    cumulative sum is <= 1 - p. That is the same set in exact arithmetic, but the rounding
    of 1 - p and of the ascending sum can flip a token at an exact boundary, and its sort
    makes no promise about the order of ties, so those rows are skipped here.
    """
    transformers = pytest.importorskip("transformers")
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(5, 20, generator=g) * 2
    scaled = transformers.TemperatureLogitsWarper(temperature)(None, logits.clone())
    theirs = transformers.TopPLogitsWarper(p, min_tokens_to_keep=1)(None, scaled)
    ours = ref.top_p_filter(logits, p, temperature)
    for row, a, b in zip(logits.tolist(), kept_sets(ours), kept_sets(theirs), strict=True):
        if near_boundary(row, p, temperature, 1e-5):
            continue
        assert a == b
    finite = torch.isfinite(ours)
    torch.testing.assert_close(ours[finite], theirs[finite])
