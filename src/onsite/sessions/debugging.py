"""The second half of a debug item: naming the bugs that were fixed (scored separately)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fsrs import Rating
from sqlalchemy import select

from onsite.packs.taxonomy import load_taxonomy
from onsite.sessions import review
from onsite.sessions.catalog import get_item
from onsite.store.db import session
from onsite.store.models import LOCAL_LEARNER, Attempt, WrittenAnswer

QUESTION = "Name each bug you fixed: its line in the original script and its class."
LINE_SLACK = 2  # a bug spanning a statement may be named by a neighbouring line
CLAIM = re.compile(r"^\s*(?:line\s*)?(\d+)\s*[:,\-]?\s*([a-z][a-z-]*)\s*$", re.IGNORECASE)


class NotYet(RuntimeError):
    """Bugs are named after the repaired script passes."""


@dataclass
class BugScore:
    found: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 0.0

    def to_dict(self) -> dict:
        return {"score": self.score, "found": self.found, "missed": self.missed, "extra": self.extra}


def parse_claims(text: str) -> list[tuple[int, str]]:
    """'17 double-softmax' per line (also '17: double-softmax', 'line 17 - ...')."""
    classes = load_taxonomy().bug_classes
    claims = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = CLAIM.match(line)
        if not match:
            raise ValueError(f"line {n}: write a line number and a bug class, like '17 double-softmax'")
        bug_class = match.group(2).lower()
        if bug_class not in classes:
            raise ValueError(f"line {n}: {bug_class!r} is not a bug class; the classes are: "
                             + ", ".join(classes))
        claims.append((int(match.group(1)), bug_class))
    if not claims:
        raise ValueError("name at least one bug")
    return claims


def score_claims(bugs, claims: list[tuple[int, str]]) -> BugScore:
    result = BugScore()
    unused = list(claims)
    for bug in bugs:
        hit = next((c for c in unused if c[1] == bug.bug_class
                    and abs(c[0] - bug.line) <= LINE_SLACK), None)
        entry = {"line": bug.line, "class": bug.bug_class, "explain": bug.explain}
        if hit:
            unused.remove(hit)
            result.found.append(entry)
        else:
            result.missed.append(entry)
    result.extra = [f"{line} {cls}" for line, cls in unused]
    return result


def name_bugs(item_id: str, text: str, learner: str = LOCAL_LEARNER) -> BugScore:
    """Score the learner's list of bugs, store it, and let it feed the item's review."""
    item = get_item(item_id)
    if item.meta.kind != "debug":
        raise NotYet(f"{item_id!r} is not a debug item")
    with session() as s:
        passed = s.scalar(select(Attempt.id).where(Attempt.learner == learner,
                                                   Attempt.item_id == item_id, Attempt.passed))
    if passed is None:
        raise NotYet(f"name the bugs after your repaired script passes: `onsite test {item_id}`")
    result = score_claims(item.bugs, parse_claims(text))
    rating = (Rating.Good if result.score == 1 and not result.extra
              else Rating.Hard if result.found else Rating.Again)
    with session() as s:
        s.add(WrittenAnswer(learner=learner, item_id=item_id, question=QUESTION, answer=text,
                            grade={"kind": "bugs", **result.to_dict()}))
        review.record(s, item_id, rating, datetime.now(UTC), learner)
    return result
