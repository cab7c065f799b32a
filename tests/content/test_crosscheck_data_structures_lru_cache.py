"""Cross-checks for data-structures/lru-cache: the reference against an oracle built on
collections.OrderedDict (move_to_end / popitem(last=False)) on random operation sequences, and
a timing check that get and put stay O(1) as the cache grows."""

from __future__ import annotations

import time
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import item_dir, reference, wrong

ITEM = "data-structures/lru-cache"
ref = reference(ITEM)


class OrderedOracle:
    def __init__(self, capacity):
        self.capacity, self.d = capacity, OrderedDict()

    def get(self, key, default=None):
        if key not in self.d:
            return default
        self.d.move_to_end(key)
        return self.d[key]

    def put(self, key, value):
        if key in self.d:
            self.d[key] = value
            self.d.move_to_end(key)
            return None
        self.d[key] = value
        if len(self.d) > self.capacity:
            return self.d.popitem(last=False)
        return None


def run(cache, capacity, ops):
    oracle = OrderedOracle(capacity)
    for op, key, value in ops:
        if op == "get":
            assert cache.get(key, "missing") == oracle.get(key, "missing")
        elif op == "put":
            assert cache.put(key, value) == oracle.put(key, value)
        else:
            assert (key in cache) == (key in oracle.d)
        assert cache.keys() == list(oracle.d)
        assert len(cache) == len(oracle.d)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5), st.lists(st.tuples(st.sampled_from(["get", "put", "put", "in"]),
                                             st.integers(0, 7), st.integers()), max_size=50))
def test_matches_ordered_dict_oracle(capacity, ops):
    run(ref.LRUCache(capacity), capacity, ops)


def test_operations_are_constant_time():
    def per_op(size):
        c = ref.LRUCache(size)
        for i in range(size):
            c.put(i, i)
        start = time.perf_counter()
        for i in range(20_000):
            c.get(i % size)
            c.put(size + i, i)
        return time.perf_counter() - start

    small, large = per_op(100), per_op(100_000)
    assert large < 10 * small + 0.1   # an O(n) list scan would be ~1000x slower


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracle_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    ops = [("put", "a", 1), ("put", "b", 2), ("get", "a", 0), ("in", "b", 0), ("put", "c", 3),
           ("put", "a", 10), ("put", "d", 4), ("put", "d", 5), ("get", "b", 0), ("put", "e", 6)]
    with pytest.raises(AssertionError):
        run(bad.LRUCache(2), 2, ops)
