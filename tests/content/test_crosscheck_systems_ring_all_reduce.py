"""Cross-checks for systems/ring-all-reduce: the reference against buffers.sum(0), against
numpy.array_split for the chunking, and against an independent message-passing simulation in
plain Python that tracks which workers' contributions each chunk holds (so a schedule that
double-counts or drops a term is caught even when the numbers happen to agree)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from itemload import item_dir, reference, wrong

ITEM = "systems/ring-all-reduce"
ref = reference(ITEM)


def oracle(rows: list[list[int]]):
    """Workers hold per-chunk (values, contributors); messages are delivered after each step."""
    n = len(rows)
    pieces = np.array_split(np.arange(len(rows[0])), n)
    state = [{c: ([rows[w][j] for j in pieces[c]], {w}) for c in range(n)} for w in range(n)]
    log = []
    for phase, first in (("reduce-scatter", 0), ("all-gather", 1)):
        for s in range(n - 1):
            inbox = []
            for w in range(n):
                c = (w + first - s) % n
                values, who = state[w][c]
                inbox.append(((w + 1) % n, c, list(values), set(who)))
                log.append((phase, s, w, (w + 1) % n, c, len(pieces[c])))
            for dst, c, values, who in inbox:
                mine, mine_who = state[dst][c]
                if phase == "reduce-scatter":
                    assert not (who & mine_who), "a contribution would be counted twice"
                    state[dst][c] = ([a + b for a, b in zip(mine, values, strict=True)], mine_who | who)
                else:
                    assert who == set(range(n)), "an unfinished chunk is being gathered"
                    state[dst][c] = (values, who)
    for w in range(n):
        for c in range(n):
            assert state[w][c][1] == set(range(n))
    result = [[v for c in range(n) for v in state[w][c][0]] for w in range(n)]
    return result, log


@pytest.mark.parametrize("n,length", [(1, 4), (2, 1), (2, 7), (3, 3), (4, 10), (5, 3), (7, 50), (8, 64)])
def test_matches_message_passing_oracle(n, length):
    g = torch.Generator().manual_seed(n * 100 + length)
    buffers = torch.randint(-1000, 1000, (n, length), generator=g)
    result, log = ref.ring_all_reduce(buffers)
    want_result, want_log = oracle(buffers.tolist())
    assert result.tolist() == want_result
    assert torch.equal(result, buffers.sum(0, keepdim=True).expand(n, length))
    assert [tuple(e) for e in log] == want_log


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(1, 40), st.integers(0, 2**31))
def test_random_shapes(n, length, seed):
    buffers = torch.randint(-99, 99, (n, length), generator=torch.Generator().manual_seed(seed))
    result, log = ref.ring_all_reduce(buffers)
    want_result, want_log = oracle(buffers.tolist())
    assert result.tolist() == want_result and [tuple(e) for e in log] == want_log
    assert len(log) == 2 * n * (n - 1)
    for step in range(n - 1):
        for phase in ("reduce-scatter", "all-gather"):
            sends = [e for e in log if e[0] == phase and e[1] == step]
            assert sorted(e[2] for e in sends) == list(range(n))   # every worker sends once
            assert sorted(e[3] for e in sends) == list(range(n))   # and receives once


@pytest.mark.parametrize("n", [2, 4, 8, 16])
def test_bandwidth_is_two_n_minus_one_over_n(n):
    length = 32 * n
    result, log = ref.ring_all_reduce(torch.ones(n, length, dtype=torch.float64))
    assert torch.all(result == n)
    for w in range(n):
        assert sum(e[5] for e in log if e[2] == w) == 2 * (n - 1) * length // n


def test_float_sums_agree_across_workers_and_with_torch():
    buffers = torch.randn(6, 31, generator=torch.Generator().manual_seed(0), dtype=torch.float32)
    result, _ = ref.ring_all_reduce(buffers)
    assert torch.equal(result, result[:1].expand_as(result))  # bit-identical on every worker
    torch.testing.assert_close(result[0], buffers.sum(0))


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracle_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    disagree = False
    for n, length in ((3, 10), (4, 8), (5, 3)):
        buffers = torch.randint(-50, 50, (n, length), generator=torch.Generator().manual_seed(n))
        result, log = bad.ring_all_reduce(buffers)
        want_result, want_log = oracle(buffers.tolist())
        disagree |= result.tolist() != want_result or [tuple(e) for e in log] != want_log
    assert disagree
