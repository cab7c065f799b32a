"""Cross-checks for decoding/beam-search: a wide beam against brute-force enumeration of every
sequence, narrow beams against a plain-Python re-implementation of the stated rules."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from itemload import item_dir, load_module, reference, wrong

ITEM = "decoding/beam-search"
ref = reference(ITEM)
cases = load_module(item_dir(ITEM) / ".meta/cases.py")


def logprobs_of(model, context: list[int]) -> list[float]:
    logits = model(torch.tensor([context])).double()[0].tolist()
    top = max(logits)
    log_z = top + math.log(sum(math.exp(x - top) for x in logits))
    return [x - log_z for x in logits]


def brute_force(model, prompt, n, eos, alpha, V):
    """Every sequence that ends in EOS within n tokens, or runs n tokens without EOS."""
    best = None
    for length in range(1, n + 1):
        for body in itertools.product([v for v in range(V) if v != eos], repeat=length - 1):
            for last in range(V):
                seq = [*body, last]
                if last != eos and length < n:
                    continue
                score = 0.0
                for t in range(length):
                    score += logprobs_of(model, prompt + seq[:t])[seq[t]]
                value = score / length ** alpha
                if best is None or value > best[1]:
                    best = (seq, value)
    return best


def plain_beam(model, prompt, k, n, eos, alpha):
    """The stated algorithm with Python lists and sorted(); ties by (beam, token)."""
    live, done = [([], 0.0)], []
    for _ in range(n):
        cands = []
        for i, (toks, s) in enumerate(live):
            for v, lp in enumerate(logprobs_of(model, prompt + toks)):
                cands.append((s + lp, i, v, toks + [v]))
        cands.sort(key=lambda c: (-c[0], c[1], c[2]))
        done += [(c[3], c[0]) for rank, c in enumerate(cands) if c[2] == eos and rank < k]
        live = [(c[3], c[0]) for c in cands if c[2] != eos][:k]
    pool = done + live
    values = [s / len(t) ** alpha for t, s in pool]
    i = values.index(max(values))
    return pool[i][0], values[i]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("alpha", [0.0, 0.7, 1.0])
def test_wide_beam_is_exhaustive(seed, alpha):
    V, n = 3, 4
    model = cases.ToyLM(V, seed=seed, eos_id=0, eos_bias=0.3 * seed - 0.5, scale=2.0)
    want_tokens, want_score = brute_force(model, [1], n, 0, alpha, V)
    tokens, score = ref.beam_search(model, torch.tensor([1]), 3 ** n, n, 0, alpha)
    assert tokens == want_tokens
    assert score == pytest.approx(want_score, abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("k", [1, 2, 3])
def test_narrow_beams_match_plain_python(seed, k):
    integer = seed % 2 == 1  # integer tables give exact ties
    model = cases.ToyLM(7, seed=seed, eos_id=6, eos_bias=0.2, scale=1.0, integer=integer)
    for alpha in (0.0, 1.0):
        want_tokens, want_score = plain_beam(model, [2, 3], k, 4, 6, alpha)
        tokens, score = ref.beam_search(model, torch.tensor([2, 3]), k, 4, 6, alpha)
        assert tokens == want_tokens
        assert score == pytest.approx(want_score, abs=1e-12)


def test_prompt_example():
    table = {(): [0.3, 0.6, 0.1], (1,): [0.7, 0.1, 0.2], (2,): [0.9, 0.04, 0.06]}

    def model(ids):
        return torch.tensor([table[tuple(r[1:])] for r in ids.tolist()], dtype=torch.float64).log()

    tokens, score = ref.beam_search(model, torch.tensor([2]), 2, 2, 0, 1.0)
    assert tokens == [1, 0]
    assert score == pytest.approx((math.log(0.6) + math.log(0.7)) / 2, abs=1e-12)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name)
    disagrees = False
    settings = [(7, s, k, a, integer) for s in range(4) for k in (1, 2, 3) for a in (0.0, 1.0)
                for integer in (False, True)]
    for V, seed, k, alpha, integer in settings:
        model = cases.ToyLM(V, seed=seed, eos_id=V - 1, eos_bias=-0.5, scale=1.0, integer=integer)
        want = plain_beam(model, [1], k, 4, V - 1, alpha)
        got = bad.beam_search(model, torch.tensor([1]), k, 4, V - 1, alpha)
        disagrees |= got[0] != want[0] or abs(got[1] - want[1]) > 1e-9
        if disagrees:
            break
    assert disagrees
