"""Cross-checks for data-structures/streaming-top-k: the reference against a stable full sort
(sorted by score descending keeps arrival order among ties), against heapq.nlargest (documented
equivalent to that sort) and torch.topk's values, on random streams with many ties."""

from __future__ import annotations

import heapq
import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import item_dir, reference, wrong

ITEM = "data-structures/streaming-top-k"
ref = reference(ITEM)


def sorted_oracle(stream, k):
    return sorted(stream, key=lambda pair: -pair[1])[:k]   # stable: earlier first among ties


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=40), st.integers(0, 12))
def test_matches_stable_sort(scores, k):
    stream = [(f"item{i}", s) for i, s in enumerate(scores)]
    got = ref.top_k(stream, k)
    assert got == sorted_oracle(stream, k)
    assert got == heapq.nlargest(k, stream, key=lambda pair: pair[1])


@pytest.mark.parametrize("seed", range(5))
def test_values_match_torch_topk_and_threshold(seed):
    rng = random.Random(seed)
    scores = [rng.gauss(0, 1) for _ in range(5000)]
    t = ref.TopK(50)
    for i, s in enumerate(scores):
        t.push(i, s)
    want = torch.topk(torch.tensor(scores, dtype=torch.float64), 50).values.tolist()
    assert [s for _, s in t.items()] == want
    assert t.threshold() == want[-1] and len(t) == 50


def test_incomparable_items_and_edges():
    stream = [({"id": i}, s) for i, s in enumerate([1, 2, 1, 2, 3])]
    assert [item["id"] for item, _ in ref.top_k(stream, 3)] == [4, 1, 3]
    assert ref.top_k(stream, 0) == [] and ref.TopK(0).threshold() is None
    with pytest.raises(ValueError):
        ref.TopK(-1)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracle_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    stream = [(f"i{n}", s) for n, s in enumerate([5, 9, 5, 1, 9, 5, 7, 7, 2])]
    disagree = False
    for k in (0, 1, 3, 20):
        try:
            disagree |= bad.top_k(stream, k) != sorted_oracle(stream, k)
        except IndexError:
            disagree = True
    partial = bad.TopK(5)
    partial.push("x", 1.0)
    disagree |= partial.threshold() is not None
    assert disagree
