"""Cross-checks for data-structures/length-bucketed-batching: pad_batch against
torch.nn.utils.rnn.pad_sequence (batch_first, right padding), bucket_batches against a
brute-force re-implementation (explicit stable sort by (length, index), padded-cost check per
step), and count_padding against the masks."""

from __future__ import annotations

import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import item_dir, reference, wrong
from torch.nn.utils.rnn import pad_sequence

ITEM = "data-structures/length-bucketed-batching"
ref = reference(ITEM)


def brute_batches(lengths, max_tokens):
    order = [i for _, i in sorted((n, i) for i, n in enumerate(lengths))]
    batches = []
    for i in order:
        if batches:
            trial = batches[-1] + [i]
            if len(trial) * max(lengths[j] for j in trial) <= max_tokens:
                batches[-1] = trial
                continue
        batches.append([i])
    return batches


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 30), max_size=60), st.integers(1, 200))
def test_batches_match_brute_force(lengths, max_tokens):
    got = ref.bucket_batches(lengths, max_tokens)
    assert got == brute_batches(lengths, max_tokens)
    assert sorted(i for b in got for i in b) == list(range(len(lengths)))
    for b in got:
        assert len(b) == 1 or len(b) * max(lengths[i] for i in b) <= max_tokens


@pytest.mark.parametrize("seed", range(5))
def test_pad_batch_matches_pad_sequence(seed):
    rng = random.Random(seed)
    sequences = [[rng.randint(1, 50) for _ in range(rng.randint(1, 9))] for _ in range(12)]
    batch = rng.sample(range(12), 5)
    tokens, mask = ref.pad_batch(sequences, batch, pad_id=-7)
    want = pad_sequence([torch.tensor(sequences[i]) for i in batch], batch_first=True, padding_value=-7)
    assert tokens.dtype == torch.int64 and mask.dtype == torch.bool
    assert torch.equal(tokens, want)
    lens = torch.tensor([len(sequences[i]) for i in batch])
    assert torch.equal(mask, torch.arange(want.shape[1])[None, :] < lens[:, None])


def test_count_padding_matches_masks_and_beats_random():
    rng = random.Random(0)
    lengths = [min(60, max(1, int(rng.lognormvariate(2.8, 0.7)))) for _ in range(500)]
    sequences = [[1] * n for n in lengths]
    batches = ref.bucket_batches(lengths, 2048)
    from_masks = sum(int((~ref.pad_batch(sequences, b)[1]).sum()) for b in batches)
    assert ref.count_padding(lengths, batches) == from_masks
    shuffled = list(range(500))
    rng.shuffle(shuffled)
    rand, start = [], 0
    for b in batches:
        rand.append(shuffled[start:start + len(b)])
        start += len(b)
    assert ref.count_padding(lengths, batches) < ref.count_padding(lengths, rand)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracles_catch_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    lengths = [5, 2, 8, 3, 2, 7, 4, 4, 4]
    sequences = [[3] * n for n in lengths]
    disagree = bad.bucket_batches(lengths, 12) != brute_batches(lengths, 12)
    tokens, mask = bad.pad_batch(sequences, [1, 2, 0])
    want = pad_sequence([torch.tensor(sequences[i]) for i in (1, 2, 0)], batch_first=True)
    disagree |= not torch.equal(tokens, want)
    disagree |= not torch.equal(mask, want != 0)
    disagree |= bad.count_padding(lengths, [[0, 1], [2, 3]]) != (10 - 7) + (16 - 11)
    assert disagree
