"""Cross-checks for systems/pipeline-1f1b-schedule: the reference timeline against an
independent derivation (in-flight counter and memoised longest paths), its validator
against brute force over every single-operation corruption, and the headline numbers
(makespan 2(M + P - 1), bubble (P - 1)/(M + P - 1), peak min(P - s, M))."""

from __future__ import annotations

import itertools

import pytest
from itemload import reference, wrong

ITEM = "systems/pipeline-1f1b-schedule"
ref = reference(ITEM)

GRID = [(P, M) for P in range(1, 7) for M in range(1, 10)]


def oracle_slots(P, M):
    """Independent derivation: each stage's sequence from an in-flight counter (no warm-up
    formula), then slots as longest paths in the dependency graph by memoised recursion."""
    seqs = []
    for s in range(P):
        seq, nf, nb = [], 0, 0
        while nf < M and nf - nb < P - s:
            seq.append(("F", nf))
            nf += 1
        while nb < M:
            seq.append(("B", nb))
            nb += 1
            if nf < M:
                seq.append(("F", nf))
                nf += 1
        seqs.append(seq)
    index = {(k, m, s): i for s, seq in enumerate(seqs) for i, (k, m) in enumerate(seq)}
    memo = {}

    def slot(k, m, s):
        key = (k, m, s)
        if key not in memo:
            i = index[key]
            t = slot(*seqs[s][i - 1], s) + 1 if i else 0
            if k == "F" and s > 0:
                t = max(t, slot("F", m, s - 1) + 1)
            if k == "B":
                t = max(t, slot("B", m, s + 1) + 1 if s < P - 1 else slot("F", m, s) + 1)
            memo[key] = t
        return memo[key]

    F = {(m, s): slot("F", m, s) for m in range(M) for s in range(P)}
    B = {(m, s): slot("B", m, s) for m in range(M) for s in range(P)}
    return F, B


def as_slots(table):
    F, B = {}, {}
    for s, row in enumerate(table):
        for t, op in enumerate(row):
            if op is not None:
                (F if op[0] == "F" else B)[op[1], s] = t
    return F, B


@pytest.mark.parametrize("P,M", GRID)
def test_timeline_matches_closed_form(P, M):
    table, bubble, peak = ref.one_f_one_b(P, M)
    assert as_slots(table) == oracle_slots(P, M)
    T = 2 * (M + P - 1)
    assert all(len(row) == T for row in table)
    assert bubble == pytest.approx((P - 1) / (M + P - 1), abs=1e-12)
    assert peak == [min(P - s, M) for s in range(P)]
    assert ref.is_valid(table, P, M)


def corruptions(table):
    """Every table obtained by moving one operation to another idle slot of its stage,
    or deleting it."""
    for s, row in enumerate(table):
        for t, op in enumerate(row):
            if op is None:
                continue
            gone = [list(r) for r in table]
            gone[s][t] = None
            yield gone, False
            for u, other in enumerate(row):
                if other is None:
                    moved = [list(r) for r in table]
                    moved[s][u], moved[s][t] = op, None
                    yield moved, None


def brute_valid(table, P, M):
    F, B = as_slots(table)
    ops = [op for row in table for op in row if op is not None]
    if len(ops) != 2 * P * M or len(F) + len(B) != 2 * P * M:
        return False
    for m, s in itertools.product(range(M), range(P)):
        if s and not F[m, s - 1] < F[m, s]:
            return False
        need = B[m, s + 1] if s < P - 1 else F[m, s]
        if not need < B[m, s]:
            return False
    return True


@pytest.mark.parametrize("P,M", [(2, 3), (3, 4), (4, 2)])
def test_validator_against_brute_force(P, M):
    table, _, _ = ref.one_f_one_b(P, M)
    seen_valid = seen_invalid = 0
    for bad, expected in corruptions(table):
        want = brute_valid(bad, P, M) if expected is None else expected
        assert ref.is_valid(bad, P, M) == want
        seen_valid += want
        seen_invalid += not want
    assert seen_valid and seen_invalid


@pytest.mark.parametrize("name", ["gpipe_order", "warmup_one_too_many", "warmup_one_too_few",
                                  "backward_dependency_reversed", "bubble_relative_to_compute"])
def test_wrong_schedules_disagree(name):
    bad = wrong(ITEM, name)
    assert any(bad.one_f_one_b(P, M) != ref.one_f_one_b(P, M) for P, M in [(4, 8), (3, 5)])


@pytest.mark.parametrize("name", ["validator_not_strict", "validator_skips_completeness"])
def test_wrong_validators_disagree(name):
    bad = wrong(ITEM, name)
    table, _, _ = ref.one_f_one_b(3, 4)
    assert any(bad.is_valid(t, 3, 4) != brute_valid(t, 3, 4) for t, _ in corruptions(table))
