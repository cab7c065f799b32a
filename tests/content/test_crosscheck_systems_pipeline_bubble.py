"""Cross-checks for systems/pipeline-bubble: the reference schedule against an event-driven
simulator written differently (each stage picks the next runnable task greedily, respecting the
forward and backward dependencies), and the bubble formula against the simulated idle time."""

from __future__ import annotations

from fractions import Fraction

import pytest
from itemload import item_dir, reference, wrong

ITEM = "systems/pipeline-bubble"
ref = reference(ITEM)


def simulate(p: int, m: int) -> list[list[str | None]]:
    """Greedy GPipe: forwards in order; backwards once all forwards are done, latest first."""
    done: dict[tuple[str, int, int], int] = {}   # (kind, stage, micro) -> finishing step
    queues = [[("F", j) for j in range(m)] + [("B", j) for j in reversed(range(m))] for _ in range(p)]
    rows: list[list[str | None]] = [[] for _ in range(p)]
    t = 0
    while any(queues):
        started = []
        for s in range(p):
            if not queues[s]:
                rows[s].append(None)
                continue
            kind, j = queues[s][0]
            if kind == "F":
                ready = s == 0 or done.get(("F", s - 1, j), t) < t
            else:
                all_forwards = all(done.get(("F", p - 1, k), t) < t for k in range(m))
                ready = all_forwards and (s == p - 1 or done.get(("B", s + 1, j), t) < t)
            if ready:
                started.append((kind, s, j))
                queues[s].pop(0)
                rows[s].append(f"{kind}{j}")
            else:
                rows[s].append(None)
        for key in started:
            done[key] = t
        t += 1
    width = max(len(r) for r in rows)
    return [r + [None] * (width - len(r)) for r in rows]


@pytest.mark.parametrize("p", [1, 2, 3, 4, 8])
@pytest.mark.parametrize("m", [1, 2, 3, 8, 17])
def test_matches_simulator_and_formula(p, m):
    table = ref.gpipe_schedule(p, m)
    assert table == simulate(p, m)
    assert len(table) == p and all(len(row) == 2 * (m + p - 1) for row in table)
    idle = Fraction(sum(c is None for row in table for c in row), p * 2 * (m + p - 1))
    assert ref.bubble_fraction(p, m) == pytest.approx(float(idle), abs=1e-15)
    assert idle == Fraction(p - 1, m + p - 1)


def test_worked_example():
    assert ref.gpipe_schedule(2, 3) == [["F0", "F1", "F2", None, None, "B2", "B1", "B0"],
                                        [None, "F0", "F1", "F2", "B2", "B1", "B0", None]]
    assert ref.bubble_fraction(4, 8) == pytest.approx(3 / 11)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_simulator_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    cases = [(2, 3), (4, 8), (3, 1)]
    assert any(bad.gpipe_schedule(p, m) != simulate(p, m)
               or bad.bubble_fraction(p, m) != pytest.approx((p - 1) / (m + p - 1)) for p, m in cases)
