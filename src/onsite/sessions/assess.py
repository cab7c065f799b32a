"""Readiness self-assessments, stored with a date, beside what onsite has measured."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from onsite.learn import readiness, schedule
from onsite.packs.loader import load_assessments
from onsite.packs.models import AssessmentSpec
from onsite.sessions.catalog import catalog, pack_paths
from onsite.store.db import session
from onsite.store.models import (
    LOCAL_LEARNER,
    AbilityEstimate,
    AssessmentResult,
    Attempt,
    QuizResponse,
    ReviewCard,
)


def specs() -> dict[str, AssessmentSpec]:
    found: dict[str, AssessmentSpec] = {}
    for path in pack_paths():
        found.update(load_assessments(path))
    return found


def get_spec(spec_id: str) -> AssessmentSpec:
    known = specs()
    if spec_id not in known:
        raise KeyError(f"no assessment {spec_id!r}; there are: {', '.join(sorted(known))}")
    return known[spec_id]


def save(spec_id: str, answers: dict[str, int | bool],
         learner: str = LOCAL_LEARNER) -> AssessmentResult:
    spec = get_spec(spec_id)
    total, band = readiness.score(spec, answers)
    with session() as s:
        row = AssessmentResult(learner=learner, assessment_id=spec_id, answers=dict(answers),
                               score=total, band=band.label if band else None)
        s.add(row)
    return row


def history(spec_id: str | None = None, learner: str = LOCAL_LEARNER) -> list[AssessmentResult]:
    with session() as s:
        query = select(AssessmentResult).where(AssessmentResult.learner == learner)
        if spec_id:
            query = query.where(AssessmentResult.assessment_id == spec_id)
        return list(s.scalars(query.order_by(AssessmentResult.created_at)))


def _matches(item, name: str) -> bool:
    m = item.meta
    return name in m.topics or name == m.family or name == m.kind


def measured(names: list[str], learner: str = LOCAL_LEARNER) -> readiness.Measured:
    """Ability, pass rate, quiz accuracy and modelled recall on the named topics/families/kinds."""
    if not names:
        return readiness.combine([])
    items = catalog()
    relevant = {i for i, item in items.items() if any(_matches(item, n) for n in names)}
    signals: list[tuple[float, str]] = []
    with session() as s:
        abilities = {}
        for row in s.scalars(select(AbilityEstimate).where(AbilityEstimate.learner == learner)
                             .order_by(AbilityEstimate.created_at)):
            abilities[row.topic] = row
        judged = [a.passed for a in s.scalars(select(Attempt).where(Attempt.learner == learner))
                  if a.item_id in relevant]
        answered = [r.correct for r in s.scalars(
            select(QuizResponse).where(QuizResponse.learner == learner)) if r.item_id in relevant]
        cards = [c.card for c in s.scalars(select(ReviewCard).where(ReviewCard.learner == learner))
                 if c.item_id in relevant]
    thetas = [abilities[n] for n in names if n in abilities]
    if thetas:
        mean = sum(a.theta for a in thetas) / len(thetas)
        signals.append((readiness.from_theta(mean), f"ability {mean:+.2f}"))
    if len(judged) >= readiness.MIN_EVIDENCE:
        signals.append((readiness.from_rate(sum(judged) / len(judged)),
                        f"{sum(judged)}/{len(judged)} runs passed"))
    if len(answered) >= readiness.MIN_EVIDENCE:
        signals.append((readiness.from_rate(sum(answered) / len(answered)),
                        f"{sum(answered)}/{len(answered)} quiz answers right"))
    if len(cards) >= readiness.MIN_EVIDENCE:
        # Recall a week from now, not today: just after a review every card reads 100%,
        # while a week out a weak memory has faded and a strong one has not.
        later = datetime.now(UTC) + timedelta(days=7)
        recall = sum(schedule.retrievability(c, later) for c in cards) / len(cards)
        signals.append((readiness.from_rate(recall), f"recall in a week {recall:.0%}"))
    return readiness.combine(signals)


@dataclass(frozen=True)
class Comparison:
    question_id: str
    text: str
    rating: int | bool
    measured: readiness.Measured
    gap: str | None


def compare(spec: AssessmentSpec, answers: dict[str, int | bool],
            learner: str = LOCAL_LEARNER) -> list[Comparison]:
    """Each statement's self-rating beside the evidence (ratings only; yes/no has no scale)."""
    rows = []
    for q in spec.questions:
        found = measured(q.evidence, learner)
        rating = answers[q.id]
        gap = readiness.gap(float(rating), found) if spec.scale == "rating" else None
        rows.append(Comparison(q.id, q.text, rating, found, gap))
    return rows
