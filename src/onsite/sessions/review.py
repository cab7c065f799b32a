"""Spaced review of every kind of item: record outcomes, list what is due."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from fsrs import Rating
from sqlalchemy import Integer, func, select

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



# ---------------------------------------------------------------- history by local day
#
# The dashboard, the daily challenge and retention all ask "on which local days was each
# item judged or answered, and was it passed that day?". Reading every timestamp of a
# long history into Python is what made that slow, so the database groups by local day
# itself: the local day of a UTC timestamp is its date after adding the UTC offset, and
# the offset only changes at daylight-saving transitions, which are found here and give
# one query per stretch of constant offset (usually one or two).


@dataclass(frozen=True)
class DayHistory:
    """A learner's judged attempts and quiz answers, grouped by item and local day."""

    items: dict[str, dict[date, bool]]  # item -> local day -> passed or answered right that day
    counts: dict[date, int]  # local day -> attempts, quiz answers and written answers


def _offset_minutes(moment: datetime) -> int:
    offset = moment.astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


def offset_spans(first: datetime, last: datetime) -> list[tuple[datetime, datetime, int]]:
    """(start, end, offset in minutes) spans covering [first, last] in which the local UTC
    offset is constant. Transitions are found day by day, then to the minute."""
    spans = []
    start = first
    offset = _offset_minutes(first)
    probe = first
    while probe < last:
        step = min(probe + timedelta(days=1), last)
        if _offset_minutes(step) != offset:
            low, high = probe, step  # the change lies in (low, high]
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if _offset_minutes(middle) == offset else (low, middle)
            spans.append((start, high, offset))
            start, offset = high, _offset_minutes(high)
        probe = step
    spans.append((start, last + timedelta(seconds=1), offset))
    return spans


def _local_day(s, column, offset: int):
    """SQL for the local date (text, YYYY-MM-DD) of a UTC timestamp at a fixed offset."""
    if s.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column) + func.make_interval(0, 0, 0, 0, 0, offset),
                            "YYYY-MM-DD")
    return func.strftime("%Y-%m-%d", column, f"{offset:+d} minutes")


_history_cache: dict[tuple, DayHistory] = {}
_history_lock = threading.Lock()


def day_history(learner: str = LOCAL_LEARNER) -> DayHistory:
    """Per item and local day: was it judged or answered, and passed; per day, how much.

    Computed in SQL, and kept until the learner's history grows (rows are never deleted,
    so the row counts tell when it has) or the local UTC offset changes.
    """
    from onsite.store.models import QuizResponse, WrittenAnswer

    tables = ((Attempt, Attempt.passed), (QuizResponse, QuizResponse.correct),
              (WrittenAnswer, None))
    with session() as s:
        # Row counts are the version: history rows are only ever added, never deleted.
        counts_now = tuple(s.scalar(select(func.count()).select_from(m).where(m.learner == learner))
                           for m, _ in tables)
        key = (str(s.get_bind().url), learner, _offset_minutes(datetime.now(UTC)), counts_now)
        with _history_lock:
            cached = _history_cache.get(key)
        if cached is not None:
            return cached
        ends = [s.execute(select(func.min(m.created_at), func.max(m.created_at))
                          .where(m.learner == learner)).one() for m, _ in tables]
        stamps = [aware(t) for pair in ends for t in pair if t is not None]
        items: dict[str, dict[date, bool]] = {}
        counts: dict[date, int] = {}
        days: dict[str, date] = {}
        for start, end, offset in (offset_spans(min(stamps), max(stamps)) if stamps else []):
            for model, ok in tables:
                day = _local_day(s, model.created_at, offset)
                where = (model.learner == learner, model.created_at >= start, model.created_at < end)
                if ok is None:
                    rows = s.execute(select(day, func.count()).where(*where).group_by(day))
                    for stamp, n in rows:
                        local = days.setdefault(stamp, date.fromisoformat(stamp))
                        counts[local] = counts.get(local, 0) + n
                    continue
                rows = s.execute(select(model.item_id, day, func.count(), func.max(ok.cast(Integer)))
                                 .where(*where).group_by(model.item_id, day))
                for item_id, stamp, n, best in rows:
                    local = days.setdefault(stamp, date.fromisoformat(stamp))
                    per_item = items.setdefault(item_id, {})
                    per_item[local] = per_item.get(local, False) or bool(best)
                    counts[local] = counts.get(local, 0) + n
    history = DayHistory(items, counts)
    with _history_lock:
        _history_cache.clear()  # only the newest history is worth keeping
        _history_cache[key] = history
    return history


@dataclass(frozen=True)
class RetentionWeek:
    start: date  # the Monday the week starts on
    checks: int  # times an item met on an earlier day came back
    recalled: int  # ... and was answered right or solved that day

    @property
    def rate(self) -> float | None:
        return self.recalled / self.checks if self.checks else None


def retention(weeks: int = 12, today: date | None = None,
              learner: str = LOCAL_LEARNER) -> list[RetentionWeek]:
    """Measured retention per week, oldest first: of the items met again on a later day,
    the share answered right (quiz) or passed that day (judged kinds).

    A first meeting is learning, not recall, so only returns count; each item counts
    once per local day.
    """
    today = today or datetime.now().astimezone().date()
    first_week = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    checks = [0] * weeks
    recalled = [0] * weeks
    for days in day_history(learner).items.values():
        for when in sorted(days)[1:]:  # the first day an item was met is not a recall
            index = (when - first_week).days // 7
            if 0 <= index < weeks:
                checks[index] += 1
                recalled[index] += days[when]
    return [RetentionWeek(first_week + timedelta(days=7 * k), checks[k], recalled[k])
            for k in range(weeks)]
