"""The daily challenge: a few due reviews, one new item on the weakest topic, one stretch item.

The stretch item is seeded by the pack and the date alone, so everyone on the same pack
gets the same one that day. The new item is drawn with the same date seed from the
learner's weakest topic, among items they have not met; the due reviews are their own.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from onsite.sessions import review
from onsite.sessions.catalog import catalog
from onsite.store.db import session
from onsite.store.models import LOCAL_LEARNER, DailySession

MAX_REVIEWS = 3
PRACTISED_KINDS = ("code", "paper", "quiz", "debug")


@dataclass(frozen=True)
class Daily:
    day: date
    reviews: list[str]
    new: str | None
    stretch: str | None
    done: set[str]
    streak: int

    @property
    def item_ids(self) -> list[str]:
        return [*self.reviews, *(i for i in (self.new, self.stretch) if i)]

    @property
    def complete(self) -> bool:
        return bool(self.item_ids) and set(self.item_ids) <= self.done


def _rng(day: date, salt: str) -> random.Random:
    fingerprint = ",".join(sorted(catalog()))  # the same pack gives the same seed
    digest = hashlib.sha256(f"{fingerprint}|{day.isoformat()}|{salt}".encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def _touched(learner: str) -> dict[str, set[date]]:
    """Per item, the local days on which the learner judged or answered it."""
    # Grouped by local day in SQL (review.day_history): a long history stays fast.
    return {item_id: set(days) for item_id, days in review.day_history(learner).items.items()}


def weakest_topic(learner: str = LOCAL_LEARNER) -> str | None:
    """Lowest measured ability; else the lowest pass rate; None with no evidence yet."""
    from onsite.sessions.practice import stats
    from onsite.sessions.quiz import abilities

    measured = abilities(learner)
    if measured:
        return min(measured.values(), key=lambda a: (a.theta, a.topic)).topic
    rows = [r for r in stats(learner) if r.attempts]
    return min(rows, key=lambda r: (r.pass_rate, r.topic)).topic if rows else None


def _pick(day: date, salt: str, candidates: list[str]) -> str | None:
    return _rng(day, salt).choice(sorted(candidates)) if candidates else None


def daily(day: date | None = None, learner: str = LOCAL_LEARNER) -> Daily:
    """Today's challenge (fixed once first shown), what of it is done, and the streak."""
    day = day or datetime.now().astimezone().date()
    touched = _touched(learner)
    with session() as s:
        row = s.scalar(select(DailySession).where(DailySession.learner == learner,
                                                  DailySession.day == day.isoformat()))
        if row is None:
            row = DailySession(learner=learner, day=day.isoformat(),
                               picks=_compose(day, learner, touched))
            s.add(row)
        chosen = dict(row.picks)
    done = {i for i in _flatten(chosen) if day in touched.get(i, set())}
    return Daily(day, chosen["reviews"], chosen["new"], chosen["stretch"], done,
                 streak(day, learner, touched))


def _flatten(chosen: dict) -> list[str]:
    return [*chosen["reviews"], *(i for i in (chosen["new"], chosen["stretch"]) if i)]


def _compose(day: date, learner: str, touched: dict[str, set[date]]) -> dict:
    items = catalog()
    end_of_day = datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone(UTC)
    reviews = [d.item_id for d in review.due(end_of_day, learner)][:MAX_REVIEWS]
    fresh = [i for i in items.values() if i.id not in touched and i.meta.kind in PRACTISED_KINDS]
    topic = weakest_topic(learner)
    on_topic = [i.id for i in fresh if topic in i.meta.topics and i.id not in reviews]
    new = _pick(day, f"new:{topic}", on_topic or [i.id for i in fresh if i.meta.difficulty == "easy"])
    # The stretch item ignores the learner entirely: everyone on this pack gets it today.
    stretch = _pick(day, "stretch", [i.id for i in items.values() if i.meta.difficulty == "hard"
                                     and i.meta.kind in ("code", "paper", "debug")])
    if stretch in (new, *reviews):
        stretch = None
    return {"reviews": reviews, "new": new, "stretch": stretch}


def streak(today: date, learner: str = LOCAL_LEARNER,
           touched: dict[str, set[date]] | None = None) -> int:
    """Consecutive days, ending today (or yesterday, if today is not finished), fully done."""
    touched = touched if touched is not None else _touched(learner)
    with session() as s:
        rows = {r.day: r.picks for r in s.scalars(select(DailySession)
                                                      .where(DailySession.learner == learner))}

    def finished(d: date) -> bool:
        chosen = rows.get(d.isoformat())
        ids = _flatten(chosen) if chosen else []
        return bool(ids) and all(d in touched.get(i, set()) for i in ids)

    day = today if finished(today) else today - timedelta(days=1)
    count = 0
    while finished(day):
        count += 1
        day -= timedelta(days=1)
    return count
