"""The hiring signal of a mock round, and of a whole loop, by explicit rules.

Every rule is stated in docs/mock.md; the numbers below are those rules. A round's
result is plain data (what sessions/mock.py stored when the round closed), so a report
can be recomputed from the database alone.

Round rules, by kind:

- code, paper: all hidden tests pass within the time with no hint and at most three
  quarters of the clock used -> Strong Hire; all pass otherwise -> Lean Hire; not all pass
  but at least 80% of the tests of the best submission -> Lean Hire; less -> No Hire.
- debug: the repaired script learns (the judge passes it) with no hint and at most three
  quarters of the clock -> Strong Hire; learns otherwise -> Lean Hire; does not -> No Hire.
  A script that half learns is not a fix, so there is no partial credit.
- levels: every level passed -> Strong Hire; all but one -> Lean Hire; fewer -> No Hire.
- quiz: at least 80% of the questions right -> Strong Hire; at least 60% -> Lean Hire;
  less -> No Hire. A question left unanswered when the clock ran out counts as wrong.
- open: the rubric grader's level (docs/grading.md): its cut-offs are fitted to
  hand-graded answers.
- A round with nothing submitted is No Hire.

Loop rule: a gate round at No Hire makes the loop No Hire. Otherwise, scoring Strong 2,
Lean 1, No 0: a mean of at least 1.5 with no No Hire round -> Strong Hire; a mean of at
least 1 with at most one No Hire round -> Lean Hire; anything else -> No Hire.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

STRONG, LEAN, NO = "strong", "lean", "no"
LABELS = {STRONG: "Strong Hire", LEAN: "Lean Hire", NO: "No Hire"}
POINTS = {STRONG: 2, LEAN: 1, NO: 0}

FAST = 0.75            # share of the clock a Strong Hire implementation may use
PARTIAL = 0.8          # share of tests a failing implementation needs for Lean Hire
QUIZ_STRONG, QUIZ_LEAN = 0.8, 0.6


@dataclass(frozen=True)
class Signal:
    level: str         # strong | lean | no
    score: float       # 0..1: how much of the round was achieved, for ranking weak areas
    reason: str

    @property
    def label(self) -> str:
        return LABELS[self.level]


def round_signal(kind: str, result: dict[str, Any], minutes: float, used_s: float) -> Signal:
    """The signal of one closed round; ``result`` is what the round stored."""
    if not result.get("submitted"):
        return Signal(NO, 0.0, "nothing was submitted")
    if kind in ("code", "paper", "debug"):
        return _implementation(kind, result, minutes, used_s)
    if kind == "levels":
        return _levels(result)
    if kind == "quiz":
        return _quiz(result)
    if kind == "open":
        return _open(result)
    raise ValueError(f"no signal rule for a {kind!r} round")


def _implementation(kind: str, result: dict, minutes: float, used_s: float) -> Signal:
    total = max(int(result.get("tests_total", 0)), 1)
    passed_tests = int(result.get("tests_passed", 0))
    hints = int(result.get("hints", 0))
    share = used_s / (minutes * 60)
    if result.get("passed"):
        if hints == 0 and share <= FAST:
            return Signal(STRONG, 1.0, f"passed in {share:.0%} of the time, no hints")
        why = f"{hints} hint(s)" if hints else f"{share:.0%} of the time"
        return Signal(LEAN, 0.85, f"passed, but with {why}")
    fraction = passed_tests / total
    if kind != "debug" and fraction >= PARTIAL:
        return Signal(LEAN, 0.6 * fraction, f"{passed_tests}/{total} tests pass")
    what = "the script does not learn yet" if kind == "debug" else f"{passed_tests}/{total} tests pass"
    return Signal(NO, 0.5 * fraction, what)


def _levels(result: dict) -> Signal:
    done, total = int(result.get("levels_passed", 0)), int(result.get("levels_total", 1))
    text = f"{done} of {total} levels passed"
    if done >= total:
        return Signal(STRONG, 1.0, text)
    if done >= total - 1:
        return Signal(LEAN, done / total, text)
    return Signal(NO, done / total, text)


def _quiz(result: dict) -> Signal:
    right, total = int(result.get("correct", 0)), max(int(result.get("total", 1)), 1)
    share = right / total
    text = f"{right}/{total} right"
    level = STRONG if share >= QUIZ_STRONG else LEAN if share >= QUIZ_LEAN else NO
    return Signal(level, share, text)


def _open(result: dict) -> Signal:
    level = result.get("level", NO)
    score = float(result.get("score", 0.0))
    return Signal(level if level in POINTS else NO, score, f"rubric score {score:.2f}")


@dataclass(frozen=True)
class Recommendation:
    level: str
    reason: str

    @property
    def label(self) -> str:
        return LABELS[self.level]


def overall(signals: list[tuple[Signal, bool]]) -> Recommendation:
    """The loop's recommendation from each round's signal and whether that round is a gate."""
    if not signals:
        return Recommendation(NO, "no round was completed")
    failed_gates = [s for s, gate in signals if gate and s.level == NO]
    if failed_gates:
        return Recommendation(NO, "No Hire in a gate round decides the loop")
    mean = sum(POINTS[s.level] for s, _ in signals) / len(signals)
    nos = sum(s.level == NO for s, _ in signals)
    text = f"mean {mean:.2f} (Strong 2, Lean 1, No 0), {nos} No Hire round(s)"
    if mean >= 1.5 and nos == 0:
        return Recommendation(STRONG, text)
    if mean >= 1.0 and nos <= 1:
        return Recommendation(LEAN, text)
    return Recommendation(NO, text)
