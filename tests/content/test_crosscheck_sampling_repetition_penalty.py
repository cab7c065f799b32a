"""Cross-checks for sampling/repetition-penalty: the reference against a plain-Python loop over
the definition and (when installed, on histories without padding) Hugging Face's processor."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "sampling/repetition-penalty"
ref = reference(ITEM)


def loop_penalty(logits: list[list[float]], prev: list[list[int]], theta: float):
    out = [row[:] for row in logits]
    for b, history in enumerate(prev):
        for v in set(t for t in history if t != -1):
            x = logits[b][v]
            out[b][v] = x / theta if x > 0 else x * theta
    return out


def random_inputs(seed, B=4, V=15, L=9, pad=0.25):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, V, generator=g, dtype=torch.float64) * 2
    logits[0, :3] = 0.0  # zero logits: either branch leaves them at 0
    ids = torch.randint(0, V, (B, L), generator=g)
    ids[torch.rand(B, L, generator=g) < pad] = -1
    return logits, ids


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("theta", [0.5, 1.0, 1.3, 3.0])
def test_matches_loop(seed, theta):
    logits, ids = random_inputs(seed)
    before = logits.clone()
    got = ref.apply_repetition_penalty(logits, ids, theta)
    assert torch.equal(logits, before)
    assert got.dtype == logits.dtype
    assert got.tolist() == loop_penalty(logits.tolist(), ids.tolist(), theta)


def test_prompt_example():
    got = ref.apply_repetition_penalty(torch.tensor([[2.0, -1.0, 0.5, 3.0]]),
                                       torch.tensor([[0, 1, 0, -1]]), 2.0)
    assert got.tolist() == [[1.0, -2.0, 0.5, 3.0]]


def test_empty_history():
    logits = torch.randn(2, 5)
    assert torch.equal(ref.apply_repetition_penalty(logits, torch.zeros(2, 0, dtype=torch.long), 2.0),
                       logits)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_the_loop(name):
    bad = wrong(ITEM, name)
    disagrees = False
    cases = [random_inputs(s) for s in range(3)]
    cases.append((torch.tensor([[3.0, -1.0, 2.0, 1.0]], dtype=torch.float64), torch.tensor([[2, 0, -1]])))
    for logits, ids in cases:
        before = logits.clone()
        got = bad.apply_repetition_penalty(logits, ids, 1.5)
        disagrees |= got.tolist() != loop_penalty(before.tolist(), ids.tolist(), 1.5)
        disagrees |= not torch.equal(logits, before)
    assert disagrees


@pytest.mark.parametrize("seed", range(5))
def test_matches_transformers(seed):
    transformers = pytest.importorskip("transformers")
    logits, ids = random_inputs(seed, pad=0.0)
    theirs = transformers.RepetitionPenaltyLogitsProcessor(1.4)(ids, logits.clone())
    torch.testing.assert_close(ref.apply_repetition_penalty(logits, ids, 1.4), theirs)
