"""Cross-checks for tokenization/bpe-merges: the reference against a brute-force trainer and
encoder written differently (every word occurrence kept, full sort for the best pair,
recursive merging), on fixed and on randomly generated corpora."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import load_module

ITEM = Path(__file__).resolve().parents[2] / "src/onsite/packs/core/code/tokenization/bpe-merges"


def load(path: Path):
    return load_module(path)


ref = load(ITEM / ".meta/solution.py")


def merge_rec(seq: list[str], pair: tuple[str, str]) -> list[str]:
    if len(seq) < 2:
        return list(seq)
    if (seq[0], seq[1]) == pair:
        return [seq[0] + seq[1], *merge_rec(seq[2:], pair)]
    return [seq[0], *merge_rec(seq[1:], pair)]


def brute_train(corpus: list[str], num_merges: int) -> tuple[list, list[list[str]]]:
    """Every word occurrence is its own list; returns the merges and the final words."""
    occurrences = [list(w) for text in corpus for w in text.split()]
    merges = []
    while len(merges) < num_merges:
        counts: dict[tuple[str, str], int] = {}
        for word in occurrences:
            for i in range(len(word) - 1):
                counts[(word[i], word[i + 1])] = counts.get((word[i], word[i + 1]), 0) + 1
        if not counts:
            break
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
        best = ranked[0][0]
        merges.append(best)
        occurrences = [merge_rec(word, best) for word in occurrences]
    return merges, occurrences


def brute_encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    seq = list(word)
    while True:
        found = [(merges.index(p), i) for i, p in enumerate(zip(seq, seq[1:], strict=False))
                 if p in merges]
        if not found:
            return seq
        seq = merge_rec(seq, merges[min(found)[0]])


def test_worked_example():
    merges = ref.train_bpe(["rat cat", "cart rat tar"], 10)
    assert merges == [("a", "t"), ("a", "r"), ("r", "at"), ("ar", "t"), ("c", "art"),
                      ("c", "at"), ("t", "ar")]
    assert ref.encode("tart", merges) == ["t", "art"]
    assert ref.encode("cattle", merges) == ["cat", "t", "l", "e"]


def test_overlaps_are_counted_and_merged_left_to_right():
    assert ref.merge_pair(list("aaa"), ("a", "a")) == ["aa", "a"]
    assert ref.merge_pair(list("aaaa"), ("a", "a")) == ["aa", "aa"]
    # "aaaa" x2 gives ("a","a") 6 with overlaps (4 without) against ("b","c") 5
    assert ref.train_bpe(["aaaa aaaa bc bc bc bc bc"], 1) == [("a", "a")]


def test_encode_edge_cases():
    merges = [("l", "o"), ("lo", "w")]
    assert ref.encode("", merges) == []
    assert ref.encode("xyz", merges) == ["x", "y", "z"]
    assert ref.encode("abc", [("b", "c"), ("a", "b")]) == ["a", "bc"]
    assert ref.encode("abc", [("ab", "c"), ("a", "b")]) == ["abc"]


def syllable_corpus(seed: int, n_words: int) -> list[str]:
    rng = random.Random(seed)
    syllables = ["ka", "ri", "to", "ne", "ma", "lu", "sa", "be", "on", "er", "st", "qu"]
    types = sorted({"".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(200)})
    words = rng.choices(types, weights=[1 / (r + 1) for r in range(len(types))], k=n_words)
    return [" ".join(words[i:i + 10]) for i in range(0, n_words, 10)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_larger_corpus_matches_brute_force(seed):
    corpus = syllable_corpus(seed, 2000)
    start = time.perf_counter()
    merges = ref.train_bpe(corpus, 60)
    assert time.perf_counter() - start < 1.0
    want, final_words = brute_train(corpus, 60)
    assert merges == want
    for word in {w for text in corpus for w in text.split()}:
        assert ref.encode(word, merges) == brute_encode(word, merges)
    # Encoding a training word with the learned merges reproduces how training split it.
    for text_word, seq in zip((w for t in corpus for w in t.split()), final_words, strict=True):
        assert ref.encode(text_word, merges) == seq


alphabet = st.sampled_from(["a", "a", "b", "c", "\u00e9", "\u65e5"])
words = st.lists(alphabet, min_size=1, max_size=6).map("".join)
separators = st.sampled_from([" ", "  ", "\t", "\n", " \n "])


@st.composite
def corpora(draw):
    texts = []
    for _ in range(draw(st.integers(0, 4))):
        ws = draw(st.lists(words, min_size=0, max_size=6))
        text = ""
        for w in ws:
            text += draw(separators) + w
        texts.append(text + draw(separators))
    return texts


@settings(max_examples=200, deadline=None)
@given(corpora(), st.integers(0, 25))
def test_train_matches_brute_force(corpus, num_merges):
    merges, _ = brute_train(corpus, num_merges)
    assert ref.train_bpe(corpus, num_merges) == merges


@settings(max_examples=200, deadline=None)
@given(corpora(), st.integers(0, 25), st.lists(words, min_size=1, max_size=5))
def test_encode_matches_brute_force(corpus, num_merges, probes):
    merges = ref.train_bpe(corpus, num_merges)
    for word in probes + [w for text in corpus for w in text.split()]:
        pieces = ref.encode(word, merges)
        assert "".join(pieces) == word
        assert pieces == brute_encode(word, merges)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "ab", "ba", "c", "bc"]),
                          st.sampled_from(["a", "b", "c", "ab", "bc"])),
                max_size=8, unique=True),
       words)
def test_encode_with_hand_written_merges(merges, word):
    assert ref.encode(word, merges) == brute_encode(word, merges)


WRONG = sorted((ITEM / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("path", WRONG, ids=[p.stem for p in WRONG])
def test_brute_force_catches_each_wrong_variant(path):
    """The brute force has teeth: every known-wrong variant disagrees with it somewhere."""
    wrong = load(path)
    corpora_ = [["rat cat", "cart rat tar"], ["aaaa aaaa aaa bc bc bc bc bc"],
                ["ab ab abc ad"], ["ab ab abc bcd bcd"], ["xy xy xy ab ac ad"],
                syllable_corpus(4, 300)]
    probes = ["tart", "abc", "aaaaaaa", "karitone", "bcd"]
    disagrees = False
    for corpus in corpora_:
        want, _ = brute_train(corpus, 30)
        got = [tuple(m) for m in wrong.train_bpe(corpus, 30)]
        disagrees |= got != want
        for word in probes:
            disagrees |= wrong.encode(word, want) != brute_encode(word, want)
    for merges in ([("b", "c"), ("a", "b")], [("ab", "c"), ("a", "b")]):
        disagrees |= wrong.encode("abc", merges) != brute_encode("abc", merges)
    assert disagrees
