"""Spaced review of every kind of item: record outcomes, list what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Rating
from sqlalchemy import func, select

from onsite.learn import schedule
from onsite.sessions.catalog import catalog
from onsite.store.db import session
from onsite.store.models import LOCAL_LEARNER, Attempt, HintReveal, ReviewCard, Workspace


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite drops the zone


def record(s, item_id: str, rating: Rating, when: datetime, learner: str) -> ReviewCard:
    """Apply one rating to the learner's card for the item, inside the caller's transaction."""
    card = s.scalar(select(ReviewCard).where(ReviewCard.learner == learner,
                                             ReviewCard.item_id == item_id))
    state, due = schedule.review(card.card if card else None, rating, when)
    if card is None:
        card = ReviewCard(learner=learner, item_id=item_id, card=state, due=due,
                          last_rating=int(rating), reviews=1, updated_at=when)
        s.add(card)
    else:
        card.card, card.due, card.last_rating = state, due, int(rating)
        card.reviews += 1
        card.updated_at = when
    return card


def after_attempt(s, attempt: Attempt, minutes: int, learner: str) -> ReviewCard | None:
    """Turn a judged attempt into a review when it ends an episode (see learn/schedule.py).

    An episode is the run of attempts since the card was last reviewed; it starts at the
    first of them, or at `onsite start` if that came later than the last review.
    """
    when = aware(attempt.created_at)
    card = s.scalar(select(ReviewCard).where(ReviewCard.learner == learner,
                                             ReviewCard.item_id == attempt.item_id))
    since = aware(card.updated_at) if card else datetime.min.replace(tzinfo=UTC)
    first = s.scalar(select(func.min(Attempt.created_at)).where(
        Attempt.learner == learner, Attempt.item_id == attempt.item_id,
        Attempt.created_at > since))
    started = s.scalar(select(Workspace.started_at).where(
        Workspace.learner == learner, Workspace.item_id == attempt.item_id))
    begin = min(aware(t) for t in (first, started, when) if t is not None and aware(t) > since)
    hints = s.scalar(select(func.count()).select_from(HintReveal).where(
        HintReveal.learner == learner, HintReveal.item_id == attempt.item_id,
        HintReveal.revealed_at > since)) or 0
    rating = schedule.code_rating(attempt.passed, (when - begin).total_seconds(), minutes, hints)
    if rating is None:
        return None
    return record(s, attempt.item_id, rating, when, learner)


@dataclass(frozen=True)
class DueItem:
    item_id: str
    kind: str
    title: str
    due: datetime
    last_rating: int


def due(until: datetime | None = None, learner: str = LOCAL_LEARNER) -> list[DueItem]:
    """Items whose review is due by ``until`` (default now), most overdue first."""
    until = until or datetime.now(UTC)
    items = catalog()
    with session() as s:
        cards = list(s.scalars(select(ReviewCard).where(
            ReviewCard.learner == learner, ReviewCard.due <= until).order_by(ReviewCard.due)))
    return [DueItem(c.item_id, items[c.item_id].meta.kind, items[c.item_id].meta.title,
                    aware(c.due), c.last_rating)
            for c in cards if c.item_id in items]  # an item removed from the pack is skipped


def due_summary(now: datetime | None = None, learner: str = LOCAL_LEARNER) -> dict[str, list[DueItem]]:
    """What is due today (by the end of the local day) and over the next seven days."""
    now = now or datetime.now(UTC)
    local = now.astimezone()
    end_of_today = local.replace(hour=23, minute=59, second=59, microsecond=0)
    today = due(end_of_today, learner)
    week = [d for d in due(end_of_today + timedelta(days=7), learner) if d.due > end_of_today]
    return {"today": today, "week": week}
