"""Adaptive testing with catsim: which question next, and how sure we are of the ability.

Item parameters follow the 3PL model. Until `onsite calibrate` has fitted them from
real responses, each item gets discrimination 1, a difficulty from its authored level
and, for single-choice questions, a guessing floor of 1/choices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from onsite.packs.loader import Item
from onsite.packs.models import IrtParams

AUTHORED_B = {"easy": -1.0, "medium": 0.0, "hard": 1.0}
STOP_SE = 0.35
MAX_ITEMS = 20


def authored_params(item: Item) -> IrtParams:
    q = item.quiz
    if q is not None and q.irt is not None:
        return q.irt
    c = 1.0 / len(q.choices) if q is not None and q.type == "single" else 0.0
    return IrtParams(a=1.0, b=AUTHORED_B[item.meta.difficulty], c=c)


def bank_matrix(params: Sequence[IrtParams]) -> np.ndarray:
    """Rows [a, b, c, d] as catsim expects."""
    return np.array([[p.a, p.b, p.c, 1.0] for p in params], dtype=float)


@dataclass
class AdaptiveTest:
    """One adaptive test over a fixed list of items; feed it answers, ask it what is next."""

    item_ids: list[str]
    matrix: np.ndarray
    stop_se: float = STOP_SE
    max_items: int = MAX_ITEMS
    administered: list[int] = field(default_factory=list)
    responses: list[bool] = field(default_factory=list)
    theta: float = 0.0
    # "eap": girth's expected a posteriori estimate under a N(0, 1) prior (finite from the
    # first answer); "ml": catsim's maximum likelihood (with Dodd's heuristic while every
    # answer is right or every answer is wrong).
    estimator: str = "eap"

    @classmethod
    def over(cls, items: Iterable[Item], calibrated: dict[str, IrtParams] | None = None,
             **options) -> AdaptiveTest:
        items = list(items)
        calibrated = calibrated or {}
        params = [calibrated.get(i.id) or authored_params(i) for i in items]
        return cls([i.id for i in items], bank_matrix(params), **options)

    @cached_property
    def _bank(self):
        from catsim.item_bank import ItemBank

        # Parameters were validated by pydantic; catsim's own validator prints to stdout.
        return ItemBank(self.matrix, validate=False)

    @property
    def se(self) -> float:
        """Standard error of the current estimate (infinite before any answer)."""
        if not self.administered:
            return float("inf")
        from catsim.irt import see

        return float(see(self.theta, self.matrix[self.administered]))

    @property
    def finished(self) -> bool:
        return (len(self.administered) >= min(self.max_items, len(self.item_ids))
                or self.se < self.stop_se)

    def next_item(self) -> str | None:
        """The not-yet-asked item with the most information at the current estimate."""
        if self.finished:
            return None
        from catsim.selection import MaxInfoSelector

        index = MaxInfoSelector().select(item_bank=self._bank,
                                         administered_items=self.administered,
                                         est_theta=self.theta)
        return None if index is None else self.item_ids[int(index)]

    def record(self, item_id: str, correct: bool) -> float:
        """Add one answer and re-estimate the ability."""
        self.administered.append(self.item_ids.index(item_id))
        self.responses.append(bool(correct))
        if self.estimator == "eap":
            from girth import ability_3pl_eap

            rows = self.matrix[self.administered]
            answers = np.array(self.responses, dtype=int)[:, None]
            self.theta = float(np.atleast_1d(
                ability_3pl_eap(answers, rows[:, 1], rows[:, 0], rows[:, 2]))[0])
        else:
            from catsim.estimation import NumericalSearchEstimator

            self.theta = float(NumericalSearchEstimator().estimate(
                item_bank=self._bank, administered_items=self.administered,
                response_vector=self.responses, est_theta=self.theta))
        return self.theta
