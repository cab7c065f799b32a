"""Quiz sessions: practice, adaptive tests and rapid-fire rounds.

Every answer is stored as it is given, so a closed terminal or a reloaded page loses
nothing: an adaptive test is rebuilt from its stored answers.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from onsite.learn import answers, schedule
from onsite.learn.cat import AdaptiveTest
from onsite.packs.loader import Item
from onsite.packs.models import IrtParams
from onsite.sessions import review
from onsite.sessions.catalog import catalog, get_item
from onsite.store.db import session
from onsite.store.models import LOCAL_LEARNER, AbilityEstimate, ItemParams, QuizResponse, new_id

MIN_ADAPTIVE_ITEMS = 10


class NoQuestions(LookupError):
    """No quiz item matches what was asked for."""


def quiz_items(topic: str | None = None) -> list[Item]:
    """Quiz items on a topic (primary or secondary), or all of them, in a stable order."""
    items = [i for i in catalog().values() if i.meta.kind == "quiz"]
    if topic:
        items = [i for i in items if topic in i.meta.topics]
    return sorted(items, key=lambda i: i.id)


def answer(item_id: str, response: str, seconds: float, mode: str = "practice",
           session_id: str | None = None, learner: str = LOCAL_LEARNER) -> answers.Outcome:
    """Grade and store one answer, and schedule the question's next review.

    Raises answers.Unreadable (storing nothing) when the response is not an answer.
    """
    item = get_item(item_id)
    if item.quiz is None:
        raise NoQuestions(f"{item_id!r} is not a quiz question")
    outcome = answers.check(item.quiz, response)
    now = datetime.now(UTC)
    with session() as s:
        s.add(QuizResponse(learner=learner, item_id=item_id, mode=mode, session_id=session_id,
                           response=outcome.response, correct=outcome.correct,
                           seconds=float(seconds), created_at=now))
        rating = schedule.quiz_rating(outcome.correct, seconds, item.meta.minutes)
        review.record(s, item_id, rating, now, learner)
    return outcome


def calibrated() -> dict[str, IrtParams]:
    with session() as s:
        return {p.item_id: IrtParams(a=p.a, b=p.b, c=p.c) for p in s.scalars(select(ItemParams))}


@dataclass
class AdaptiveStatus:
    session_id: str
    topic: str
    test: AdaptiveTest

    @property
    def next_item(self) -> str | None:
        return self.test.next_item()

    @property
    def asked(self) -> int:
        return len(self.test.administered)


def adaptive(topic: str, session_id: str | None = None,
             learner: str = LOCAL_LEARNER) -> AdaptiveStatus:
    """An adaptive test on ``topic``: a new one, or the one with this id rebuilt from its answers."""
    items = quiz_items(topic)
    if len(items) < MIN_ADAPTIVE_ITEMS:
        raise NoQuestions(f"topic {topic!r} has {len(items)} quiz questions; an adaptive test "
                          f"needs {MIN_ADAPTIVE_ITEMS}")
    test = AdaptiveTest.over(items, calibrated())
    session_id = session_id or new_id()
    with session() as s:
        given = list(s.scalars(select(QuizResponse).where(
            QuizResponse.learner == learner, QuizResponse.session_id == session_id)
            .order_by(QuizResponse.created_at)))
    for row in given:
        if row.item_id in test.item_ids:
            test.record(row.item_id, row.correct)
    return AdaptiveStatus(session_id, topic, test)


def adaptive_answer(status: AdaptiveStatus, item_id: str, response: str, seconds: float,
                    learner: str = LOCAL_LEARNER) -> answers.Outcome:
    """Answer the test's current question; the new estimate is stored at once."""
    outcome = answer(item_id, response, seconds, "adaptive", status.session_id, learner)
    status.test.record(item_id, outcome.correct)
    with session() as s:
        row = s.scalar(select(AbilityEstimate).where(
            AbilityEstimate.learner == learner, AbilityEstimate.session_id == status.session_id))
        if row is None:
            row = AbilityEstimate(learner=learner, topic=status.topic, session_id=status.session_id)
            s.add(row)
        row.theta, row.se, row.items = status.test.theta, status.test.se, status.asked
        row.created_at = datetime.now(UTC)
    return outcome


def abilities(learner: str = LOCAL_LEARNER) -> dict[str, AbilityEstimate]:
    """The newest estimate per topic."""
    with session() as s:
        rows = s.scalars(select(AbilityEstimate).where(AbilityEstimate.learner == learner)
                         .order_by(AbilityEstimate.created_at))
        return {r.topic: r for r in rows}


def least_known_topic(learner: str = LOCAL_LEARNER) -> str:
    """The topic with enough questions whose ability is least certain (never tested first)."""
    counts: dict[str, int] = {}
    for item in quiz_items():
        for topic in item.meta.topics:
            counts[topic] = counts.get(topic, 0) + 1
    eligible = sorted(t for t, n in counts.items() if n >= MIN_ADAPTIVE_ITEMS)
    if not eligible:
        raise NoQuestions("no topic has enough quiz questions for an adaptive test")
    known = abilities(learner)
    return max(eligible, key=lambda t: known[t].se if t in known else float("inf"))


def practice_items(topic: str | None, count: int, learner: str = LOCAL_LEARNER,
                   seed: int | None = None) -> list[Item]:
    """Questions never answered first, then the longest unseen; shuffled within each group."""
    items = quiz_items(topic)
    if not items:
        raise NoQuestions(f"no quiz questions on {topic!r}" if topic else "no quiz questions")
    with session() as s:
        last_seen = dict(s.execute(
            select(QuizResponse.item_id, func.max(QuizResponse.created_at))
            .where(QuizResponse.learner == learner).group_by(QuizResponse.item_id)).all())
    rng = random.Random(seed)
    rng.shuffle(items)
    never = [i for i in items if i.id not in last_seen]
    seen = sorted((i for i in items if i.id in last_seen), key=lambda i: last_seen[i.id])
    return (never + seen)[:count]


def rapid_items(seed: int | None = None, topics: Iterable[str] | None = None) -> list[Item]:
    """Rapid-fire: short questions on definitions (single choice and exact), shuffled."""
    wanted = set(topics or [])
    items = [i for i in quiz_items() if i.quiz.type in ("single", "exact")
             and i.meta.difficulty != "hard" and (not wanted or wanted & set(i.meta.topics))]
    random.Random(seed).shuffle(items)
    return items


def calibrate() -> str:
    """Fit item parameters from every learner's first answer to each question; store them."""
    from onsite.learn.calibrate import fit
    from onsite.learn.cat import authored_params

    with session() as s:
        rows = s.execute(select(QuizResponse.item_id, QuizResponse.learner, QuizResponse.correct)
                         .order_by(QuizResponse.created_at)).all()
    first: dict[tuple[str, str], bool] = {}
    for item_id, learner, correct in rows:
        first.setdefault((item_id, learner), bool(correct))  # later answers are practice effects
    fits, message = fit(first)
    items = catalog()
    with session() as s:
        for f in fits:
            if f.item_id not in items:
                continue
            # 2PL difficulty and discrimination; the guessing floor stays authored (see calibrate.py)
            c = authored_params(items[f.item_id]).c
            row = s.get(ItemParams, f.item_id) or ItemParams(item_id=f.item_id)
            row.a, row.b, row.c, row.responses = f.a, f.b, c, f.responses
            row.fitted_at = datetime.now(UTC)
            s.add(row)
    return message


def adaptive_topics() -> list[str]:
    """The topics with enough quiz questions for an adaptive test, in order."""
    counts: dict[str, int] = {}
    for item in quiz_items():
        for topic in item.meta.topics:
            counts[topic] = counts.get(topic, 0) + 1
    return sorted(t for t, n in counts.items() if n >= MIN_ADAPTIVE_ITEMS)


def round_answers(session_id: str, learner: str = LOCAL_LEARNER) -> list[QuizResponse]:
    """The answers given in one adaptive test or rapid-fire round, in the order given."""
    with session() as s:
        return list(s.scalars(select(QuizResponse).where(
            QuizResponse.learner == learner, QuizResponse.session_id == session_id)
            .order_by(QuizResponse.created_at)))
