"""Cross-checks for data-structures/trie-completion: the reference Trie against a brute-force
oracle (a plain dict of key -> count, completions by filtering with startswith / tuple slicing
and a full sort) on random operation sequences, for strings and for token tuples."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import item_dir, reference, wrong

ITEM = "data-structures/trie-completion"
ref = reference(ITEM)


class DictOracle:
    def __init__(self):
        self.counts = {}

    def insert(self, key, count=1):
        self.counts[key] = self.counts.get(key, 0) + count

    def count(self, key):
        return self.counts.get(key, 0)

    def delete(self, key):
        return self.counts.pop(key, None) is not None

    def complete(self, prefix, k):
        matches = [(key, c) for key, c in self.counts.items() if key[:len(prefix)] == prefix]
        matches.sort(key=lambda kc: (-kc[1], kc[0]))
        return matches[:max(k, 0)]

    def __len__(self):
        return len(self.counts)


def run(trie, oracle, ops):
    for op, key, arg in ops:
        if op == "insert":
            trie.insert(key, arg)
            oracle.insert(key, arg)
        elif op == "delete":
            assert trie.delete(key) == oracle.delete(key)
        elif op == "count":
            assert trie.count(key) == oracle.count(key)
        else:
            assert trie.complete(key, arg) == oracle.complete(key, arg)
        assert len(trie) == len(oracle)


text_keys = st.text(alphabet="abc", max_size=4)
token_keys = st.lists(st.integers(0, 3), max_size=4).map(tuple)


def ops_of(keys):
    return st.lists(st.tuples(st.sampled_from(["insert", "insert", "delete", "count", "complete"]),
                              keys, st.integers(0, 4)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(ops_of(text_keys))
def test_strings_match_dict_oracle(ops):
    ops = [(op, key, max(arg, 1) if op == "insert" else arg) for op, key, arg in ops]
    run(ref.Trie(), DictOracle(), ops)


@settings(max_examples=150, deadline=None)
@given(ops_of(token_keys))
def test_token_tuples_match_dict_oracle(ops):
    ops = [(op, key, max(arg, 1) if op == "insert" else arg) for op, key, arg in ops]
    run(ref.Trie(), DictOracle(), ops)


def test_large_random_stream_and_pruning():
    rng = random.Random(1)
    trie, oracle = ref.Trie(), DictOracle()
    words = ["".join(rng.choices("abcdef", k=rng.randint(1, 6))) for _ in range(3000)]
    for w in words:
        c = rng.randint(1, 5)
        trie.insert(w, c)
        oracle.insert(w, c)
    for w in rng.sample(words, 1500):
        assert trie.delete(w) == oracle.delete(w)
    for prefix in ["", "a", "fe", "abc", "zzz"]:
        assert trie.complete(prefix, 10) == oracle.complete(prefix, 10)

    def nodes(node):
        return 1 + sum(nodes(c) for c in node.children.values())

    # after pruning, the node count equals the number of distinct prefixes of surviving keys
    prefixes = {w[:i] for w in oracle.counts for i in range(len(w) + 1)} | {""}
    assert nodes(trie.root) == len(prefixes)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracle_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    ops = [("insert", w, c) for w, c in [("car", 5), ("cart", 3), ("care", 3), ("cat", 7), ("ca", 1),
                                         ("car", 1)]]
    ops += [("insert", w, 2) for w in ["zb", "za", "zd", "zc", "ze"]]
    ops += [("complete", "z", 10), ("complete", "ca", 10), ("delete", "car", 0), ("complete", "car", 10),
            ("count", "cart", 0)]
    with pytest.raises(AssertionError):
        run(bad.Trie(), DictOracle(), ops)
