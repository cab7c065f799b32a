"""Spaced review with fsrs: how an outcome becomes a rating, and a rating a due date.

The mapping from outcomes to fsrs ratings (docs/learning.md repeats it):

- quiz: wrong = Again; right after a hint = Hard; right within a third of the item's
  minutes = Easy; right otherwise = Good.
- code, paper, debug, levels: a pass without hints within the item's minutes = Good; a
  pass later or with hints = Hard; no pass after twice the item's minutes = Again.
  Failed runs before that are part of solving, not a review.
- open: the rubric grade: strong = Good, lean = Hard, no = Again.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from fsrs import Card, Rating, Scheduler

DESIRED_RETENTION = 0.9
GIVE_UP_FACTOR = 2.0
CODE_KINDS = ("code", "paper", "debug", "levels")


@cache
def scheduler() -> Scheduler:
    # No minute-scale learning steps: interview items come back after days, not minutes,
    # and without fuzzing the same history always gives the same due date.
    return Scheduler(desired_retention=DESIRED_RETENTION, learning_steps=(),
                     relearning_steps=(), enable_fuzzing=False)


def quiz_rating(correct: bool, seconds: float, minutes: int, hinted: bool = False) -> Rating:
    if not correct:
        return Rating.Again
    if hinted:
        return Rating.Hard
    return Rating.Easy if seconds <= minutes * 60 / 3 else Rating.Good


def code_rating(passed: bool, seconds: float, minutes: int, hints: int) -> Rating | None:
    """None while the learner is still within the time they may reasonably take."""
    if passed:
        return Rating.Good if hints == 0 and seconds <= minutes * 60 else Rating.Hard
    if seconds > GIVE_UP_FACTOR * minutes * 60:
        return Rating.Again
    return None


def open_rating(level: str) -> Rating:
    return {"strong": Rating.Good, "lean": Rating.Hard}.get(level, Rating.Again)


def review(card: dict | None, rating: Rating, when: datetime) -> tuple[dict, datetime]:
    """The card after one review at ``when`` (timezone-aware), and its next due date."""
    current = Card.from_dict(card) if card else Card()
    updated, _log = scheduler().review_card(current, rating, review_datetime=when)
    return updated.to_dict(), updated.due


def retrievability(card: dict, when: datetime) -> float:
    """The modelled probability of recalling the item at ``when``."""
    return float(scheduler().get_card_retrievability(Card.from_dict(card), current_datetime=when))
