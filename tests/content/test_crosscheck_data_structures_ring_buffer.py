"""Cross-checks for data-structures/ring-buffer: the reference against collections.deque with
maxlen (the library's own bounded FIFO) on random operation sequences, and an O(1) append check."""

from __future__ import annotations

import time
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import item_dir, reference, wrong

ITEM = "data-structures/ring-buffer"
ref = reference(ITEM)


def deque_latest(d: deque, n: int) -> list:
    if n <= 0:
        return []
    return list(d)[max(0, len(d) - n):]


def run(buf, capacity, ops):
    d: deque = deque(maxlen=capacity)
    for op, value in ops:
        if op == "append":
            buf.append(value)
            d.append(value)
        elif op == "extend":
            items = list(range(value, value + 3))
            buf.extend(items)
            d.extend(items)
        else:
            assert buf.latest(value) == deque_latest(d, value)
        assert list(buf) == list(d)
        assert len(buf) == len(d)
        assert buf.is_full() == (len(d) == capacity)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.lists(st.tuples(st.sampled_from(["append", "append", "extend", "latest"]),
                                             st.integers(-2, 9)), max_size=40))
def test_matches_deque_with_maxlen(capacity, ops):
    run(ref.RingBuffer(capacity), capacity, ops)


def test_invalid_capacity():
    for cap in (0, -1):
        with pytest.raises(ValueError):
            ref.RingBuffer(cap)


def test_append_is_constant_time():
    """100k appends into a buffer of 100k must not cost like list.pop(0) would (quadratic)."""
    buf = ref.RingBuffer(100_000)
    start = time.perf_counter()
    for i in range(300_000):
        buf.append(i)
    assert time.perf_counter() - start < 2.0
    assert buf.latest(2) == [299_998, 299_999] and len(buf) == 100_000


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_deque_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    ops = [("append", i) for i in range(7)] + [("latest", n) for n in (0, 2, 5)]
    with pytest.raises((AssertionError, ZeroDivisionError)):
        run(bad.RingBuffer(3), 3, ops)
        bad.RingBuffer(0).append(1)  # the capacity check: must raise ValueError, not pass or crash later
