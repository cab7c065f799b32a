"""Cross-checks for tokenization/bpe-encode: the reference against (1) the tokenization/bpe-merges
reference encoder, which works on strings, on ASCII text with the merges translated to strings,
(2) a brute-force encoder written differently (merges one occurrence at a time, rescanning the
whole sequence for the globally lowest rank), and (3) the round trip on arbitrary Unicode."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import item_dir, reference, wrong

ITEM = "tokenization/bpe-encode"
ref = reference(ITEM)
string_bpe = reference("tokenization/bpe-merges")


def brute_encode(text, merges):
    ids = list(text.encode("utf-8"))
    while True:
        best = None   # (rank, position) of the lowest-ranked pair, leftmost among equals
        for pos in range(len(ids) - 1):
            for r, pair in enumerate(merges):
                if (ids[pos], ids[pos + 1]) == pair:
                    if best is None or r < best[0]:
                        best = (r, pos)
                    break
        if best is None:
            return ids
        r, pos = best
        ids = ids[:pos] + [256 + r] + ids[pos + 2:]


def random_merges(seed, n, alphabet=b"abcde "):
    rng = random.Random(seed)
    merges = []
    for r in range(n):
        pool = list(alphabet) + [256 + k for k in range(r)]
        merges.append((rng.choice(pool), rng.choice(pool)))
    return merges


@pytest.mark.parametrize("seed", range(30))
def test_matches_string_bpe_reference_on_ascii(seed):
    merges = string_bpe.train_bpe(["the cat sat on the mat then the rat ate that hat " * 2,
                                   "these thin theses thaw"], 25)
    # translate (str, str) merges into byte ids: each merged string gets 256 + its rank
    ids_of = {chr(b): b for b in range(256)}
    byte_merges = []
    for r, (left, right) in enumerate(merges):
        byte_merges.append((ids_of[left], ids_of[right]))
        ids_of.setdefault(left + right, 256 + r)
    vocab = ref.build_vocab(byte_merges)
    rng = random.Random(seed)
    word = "".join(rng.choices("thecasmorn", k=rng.randint(0, 12)))
    got = [vocab[i].decode() for i in ref.encode(word, byte_merges)]
    assert got == string_bpe.encode(word, merges)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcde ", max_size=20), st.integers(0, 12), st.integers(0, 1000))
def test_matches_brute_force_on_random_merges(text, n, seed):
    merges = random_merges(seed, n)
    assert ref.encode(text, merges) == brute_encode(text, merges)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.integers(0, 1000))
def test_round_trip_on_any_unicode(text, seed):
    rng = random.Random(seed)
    raw = list(text.encode("utf-8"))
    merges = []
    for r in range(10):  # merges drawn from pairs that occur in the text, so some apply
        if len(raw) < 2:
            break
        pos = rng.randrange(len(raw) - 1)
        merges.append((raw[pos], raw[pos + 1]))
        raw = raw[:pos] + [256 + r] + raw[pos + 2:]
    ids = ref.encode(text, merges)
    assert ref.decode(ids, merges) == text
    assert ids == brute_encode(text, merges)
    vocab = ref.build_vocab(merges)
    assert b"".join(vocab[i] for i in ids) == text.encode("utf-8")


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracles_catch_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    probes = [("abc", [(98, 99), (97, 98)]), ("aaa", [(97, 97)]), ("abab", [(97, 98), (256, 256), (97, 98)]),
              ("caf\u00e9", [(195, 169), (102, 256)]), ("hello", [(104, 101), (108, 108), (256, 108)])]
    disagree = False
    for text, merges in probes:
        disagree |= bad.encode(text, merges) != brute_encode(text, merges)
        try:
            disagree |= bad.decode(brute_encode(text, merges), merges) != text
        except KeyError:  # an id the wrong vocabulary does not have
            disagree = True
    disagree |= bad.decode([97, 230, 151, 165], []) != "a\u65e5"
    assert disagree
