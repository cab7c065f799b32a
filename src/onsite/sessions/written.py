"""Written answers: open questions and paper follow-ups, stored verbatim and graded."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from onsite.learn.schedule import open_rating
from onsite.packs.models import Rubric
from onsite.sessions import review
from onsite.sessions.catalog import catalog, get_item
from onsite.store.db import session
from onsite.store.models import LOCAL_LEARNER, Attempt, WrittenAnswer

MIN_WORDS = 5


class NotAnswerable(RuntimeError):
    """The item has no written question, or it is not open to this learner yet."""


def rubric_for(item_id: str) -> Rubric:
    rubric = get_item(item_id).rubric
    if rubric is None:
        raise NotAnswerable(f"{item_id!r} has no written follow-up question")
    return rubric


def followup(item_id: str, learner: str = LOCAL_LEARNER) -> Rubric:
    """The follow-up of a paper item, which opens once its implementation has passed."""
    rubric = rubric_for(item_id)
    with session() as s:
        passed = s.scalar(select(Attempt.id).where(
            Attempt.learner == learner, Attempt.item_id == item_id, Attempt.passed).limit(1))
    if passed is None:
        raise NotAnswerable(f"the follow-up of {item_id!r} opens after your implementation "
                            f"passes: `onsite test {item_id}`")
    return rubric


def save_answer(item_id: str, answer: str, learner: str = LOCAL_LEARNER) -> WrittenAnswer:
    """Store the answer verbatim (graded later); refuse one too short to grade."""
    rubric = followup(item_id, learner)
    text = answer.strip()
    if len(text.split()) < MIN_WORDS:
        raise ValueError(f"the answer has {len(text.split())} words; write at least {MIN_WORDS} "
                         "(nothing was saved)")
    with session() as s:
        row = WrittenAnswer(learner=learner, item_id=item_id, question=rubric.question,
                            answer=text)
        s.add(row)
    return row


def answers(item_id: str | None = None, learner: str = LOCAL_LEARNER) -> list[WrittenAnswer]:
    with session() as s:
        query = select(WrittenAnswer).where(WrittenAnswer.learner == learner)
        if item_id:
            query = query.where(WrittenAnswer.item_id == item_id)
        return list(s.scalars(query.order_by(WrittenAnswer.created_at)))


def question_for(item_id: str, learner: str = LOCAL_LEARNER) -> Rubric:
    """The rubric an answer to this item is graded against: an open question's, or a paper
    item's follow-up once its implementation has passed."""
    item = get_item(item_id)
    if item.meta.kind == "open":
        return rubric_for(item_id)
    if item.meta.kind == "paper":
        return followup(item_id, learner)
    raise NotAnswerable(f"{item_id!r} is a {item.meta.kind} item; only open questions and "
                        "paper follow-ups take a written answer")


def pack_topics(embed):
    """The topic of every written question in the loaded packs, for the off-topic check;
    embedded once per pack version and embedder, then read from disk."""
    from onsite.config import cache_dir
    from onsite.grade.topics import cached

    rubrics = {i: item.rubric for i, item in catalog().items() if item.rubric is not None}
    return cached(rubrics, embed, cache_dir())


def grade_answer(item_id: str, answer: str, self_covered: set[str] | None = None,
                 learner: str = LOCAL_LEARNER):
    """Grade the answer against the item's rubric, store it with its grade, schedule review.

    The answer is saved before the grader runs, so a grader failure loses nothing.
    """
    from onsite.grade.rubric import Calibration, grade

    item = get_item(item_id)
    rubric = question_for(item_id, learner)
    text = answer.strip()
    if len(text.split()) < MIN_WORDS:
        raise ValueError(f"the answer has {len(text.split())} words; write at least {MIN_WORDS} "
                         "(nothing was saved)")
    unknown = sorted((self_covered or set()) - {p.id for p in rubric.points})
    if unknown:
        raise ValueError(f"no rubric point called {', '.join(unknown)} "
                         f"(points: {', '.join(p.id for p in rubric.points)})")
    with session() as s:
        row = WrittenAnswer(learner=learner, item_id=item_id, question=rubric.question,
                            answer=text)
        s.add(row)
        s.flush()
        row_id = row.id
    result = grade(text, rubric, context=item.prompt, self_covered=self_covered,
                   topics=pack_topics, item_id=item_id)
    with session() as s:
        stored = s.get(WrittenAnswer, row_id)
        stored.grade = {"kind": "rubric", **result.to_dict()}
        if item.meta.kind == "open":
            level = Calibration.load().level(result.combined)
            review.record(s, item_id, open_rating(level), datetime.now(UTC), learner)
    return result
