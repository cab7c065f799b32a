"""Readiness: scoring self-assessments and setting them beside measured evidence.

Measured evidence is put on the same 1-5 scale as a self-rating so the two can be
compared: an ability estimate theta maps to 3 + theta (0 is the level of a medium
question), and a rate (pass rate, share of quiz answers right, modelled recall) maps
to 1 + 4 * rate. Where several signals exist, the level is their mean.
"""

from __future__ import annotations

from dataclasses import dataclass

from onsite.packs.models import AssessmentSpec, Band

GAP = 2.0  # a difference of two points on a five-point scale is worth saying out loud
MIN_EVIDENCE = 3


def score(spec: AssessmentSpec, answers: dict[str, int | bool]) -> tuple[int, Band | None]:
    missing = [q.id for q in spec.questions if q.id not in answers]
    if missing:
        raise ValueError(f"unanswered: {', '.join(missing)}")
    if spec.scale == "rating":
        bad = [k for k, v in answers.items() if isinstance(v, bool) or not 1 <= int(v) <= 5]
        if bad:
            raise ValueError(f"ratings run from 1 to 5: {', '.join(bad)}")
        total = sum(int(answers[q.id]) for q in spec.questions)
    else:
        total = spec.points * sum(bool(answers[q.id]) for q in spec.questions)
    band = next((b for b in spec.bands if total >= b.min), None)
    return total, band


def clip(level: float) -> float:
    return max(1.0, min(5.0, level))


def from_theta(theta: float) -> float:
    return clip(3.0 + theta)


def from_rate(rate: float) -> float:
    return clip(1.0 + 4.0 * rate)


@dataclass(frozen=True)
class Measured:
    level: float | None
    basis: str


def combine(signals: list[tuple[float, str]]) -> Measured:
    if not signals:
        return Measured(None, "not measured yet")
    return Measured(sum(level for level, _ in signals) / len(signals),
                    "; ".join(text for _, text in signals))


def gap(self_rating: float, measured: Measured) -> str | None:
    """A sentence when the self-rating and the evidence disagree by GAP or more."""
    if measured.level is None:
        return None
    if self_rating - measured.level >= GAP:
        return (f"you rated {self_rating:g}, measured {measured.level:.1f}: the most useful gap "
                "to close")
    if measured.level - self_rating >= GAP:
        return f"you rated {self_rating:g}, measured {measured.level:.1f}: better than you think"
    return None
