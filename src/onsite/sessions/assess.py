"""Readiness self-assessments, stored with a date, beside what onsite has measured."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Integer, func, select

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


@dataclass(frozen=True)
class Evidence:
    """A learner's results, read once and shared by many ``measured`` calls."""

    abilities: dict[str, AbilityEstimate]
    judged: dict[str, tuple[int, int]]  # item -> (runs passed, runs)
    answered: dict[str, tuple[int, int]]  # item -> (answers right, answers)
    cards: list[tuple[str, dict]]  # (item, fsrs card) per review card


def evidence(learner: str = LOCAL_LEARNER) -> Evidence:
    """Everything ``measured`` reads: per-item totals counted in SQL, and the review cards."""
    with session() as s:
        abilities = {}
        for row in s.scalars(select(AbilityEstimate).where(AbilityEstimate.learner == learner)
                             .order_by(AbilityEstimate.created_at)):
            abilities[row.topic] = row
        totals = []
        for model, ok in ((Attempt, Attempt.passed), (QuizResponse, QuizResponse.correct)):
            totals.append({i: (int(good or 0), n) for i, good, n in s.execute(
                select(model.item_id, func.sum(ok.cast(Integer)), func.count())
                .where(model.learner == learner).group_by(model.item_id))})
        cards = [(i, c) for i, c in s.execute(select(ReviewCard.item_id, ReviewCard.card)
                                              .where(ReviewCard.learner == learner))]
    return Evidence(abilities, totals[0], totals[1], cards)


_matching: dict[str, tuple[object, frozenset[str]]] = {}


def _items_matching(name: str) -> frozenset[str]:
    """Ids of the items a topic, family or kind names (kept while the catalogue is the same)."""
    items = catalog()
    known = _matching.get(name)
    if known is None or known[0] is not items:
        known = (items, frozenset(i for i, item in items.items() if _matches(item, name)))
        _matching[name] = known
    return known[1]


def measured(names: list[str], learner: str = LOCAL_LEARNER,
             known: Evidence | None = None) -> readiness.Measured:
    """Ability, pass rate, quiz accuracy and modelled recall on the named topics/families/kinds.

    ``known`` is the learner's ``evidence()`` when the caller measures many things at once.
    """
    if not names:
        return readiness.combine([])
    relevant = frozenset().union(*(_items_matching(n) for n in names))
    signals: list[tuple[float, str]] = []
    known = known or evidence(learner)
    abilities = known.abilities
    judged = relevant & known.judged.keys()
    passed, runs = (sum(known.judged[i][k] for i in judged) for k in (0, 1))
    answered = relevant & known.answered.keys()
    right, answers = (sum(known.answered[i][k] for i in answered) for k in (0, 1))
    cards = [card for item_id, card in known.cards if item_id in relevant]
    thetas = [abilities[n] for n in names if n in abilities]
    if thetas:
        mean = sum(a.theta for a in thetas) / len(thetas)
        signals.append((readiness.from_theta(mean), f"ability {mean:+.2f}"))
    if runs >= readiness.MIN_EVIDENCE:
        signals.append((readiness.from_rate(passed / runs), f"{passed}/{runs} runs passed"))
    if answers >= readiness.MIN_EVIDENCE:
        signals.append((readiness.from_rate(right / answers),
                        f"{right}/{answers} quiz answers right"))
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
    known = evidence(learner)
    for q in spec.questions:
        found = measured(q.evidence, learner, known)
        rating = answers[q.id]
        gap = readiness.gap(float(rating), found) if spec.scale == "rating" else None
        rows.append(Comparison(q.id, q.text, rating, found, gap))
    return rows
