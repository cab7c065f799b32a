"""The 12-week plan: the syllabus's four phases, filled with concrete items.

Pure functions: the caller supplies the candidate items with a weakness score per
topic, and gets weeks back. Within a phase, items are ranked by how weak the learner
is on their topics, whether the target company asks them, and a gentle ramp from easy
to hard; each week is filled up to the learner's hours, a fifth of which is kept for
spaced review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

WEEKS = 12
REVIEW_SHARE = 0.2
ADAPTIVE_MINUTES = 15
MOCK_MINUTES = 90
# What each target role's loop leans on (the research scientist loop reads and argues more).
TARGET_KINDS = {"re": ("code", "debug", "levels"), "rs": ("paper", "open")}


@dataclass(frozen=True)
class Phase:
    name: str
    weeks: range
    kinds: tuple[str, ...]
    families: tuple[str, ...]
    topics: tuple[str, ...]


PHASES = (
    Phase("Research foundation", range(1, 4), ("quiz", "code", "paper"),
          ("numerics", "optimisation", "layers"),
          ("linear-algebra", "calculus", "probability", "information-theory", "optimisation",
           "classical-ml", "regularisation", "normalisation", "activations", "losses")),
    Phase("Theory and alignment", range(4, 7), ("quiz", "code", "paper", "open"),
          ("transformers", "post-training", "generative"),
          ("transformers", "attention", "post-training", "rlhf", "fine-tuning", "scaling-laws",
           "interpretability", "safety", "research", "generative-models", "reinforcement-learning")),
    Phase("Coding and system design", range(7, 10), ("code", "debug", "levels", "open", "paper"),
          ("inference", "systems", "data-structures", "transformers", "layers"),
          ("system-design", "parallelism", "memory", "inference", "sampling", "mlops", "debugging",
           "precision", "tokenization")),
    Phase("Company-specific preparation and mock loops", range(10, 13),
          ("code", "debug", "levels", "open", "paper", "quiz"), (), ()),
)


def phase_of(week: int) -> Phase:
    return next(p for p in PHASES if week in p.weeks)


@dataclass(frozen=True)
class Candidate:
    id: str
    kind: str
    family: str | None
    topics: tuple[str, ...]
    difficulty: str
    minutes: int
    companies: tuple[str, ...]


def fits(c: Candidate, phase: Phase) -> bool:
    if c.kind not in phase.kinds:
        return False
    if not phase.families and not phase.topics:
        return True
    return c.family in phase.families or bool(set(c.topics) & set(phase.topics))


RAMP = {"easy": 0.0, "medium": 1.0, "hard": 2.0}


def priority(c: Candidate, week: int, weakness: dict[str, float], company: str,
             target: str = "re") -> float:
    """Higher first: weak topics, the company's and role's favourites, difficulty for the week."""
    weak = max((weakness.get(t, 0.5) for t in c.topics), default=0.5)
    company_bonus = 0.5 if company != "any" and company in c.companies else 0.0
    company_bonus += 0.3 if c.kind in TARGET_KINDS[target] else 0.0
    within = (week - phase_of(week).weeks.start) / 2  # 0, 0.5, 1 through the phase
    ramp = -abs(RAMP[c.difficulty] - 2 * within) / 4
    return weak + company_bonus + ramp


def build(candidates: list[Candidate], *, start: date, hours_per_week: float, company: str,
          weakness: dict[str, float], target: str = "re", from_week: int = 1,
          quiz_topics: list[str] | None = None, done: set[str] | None = None) -> list[dict]:
    """Weeks from ``from_week`` to 12, each a dict with its dates, phase and entries."""
    budget = hours_per_week * 60 * (1 - REVIEW_SHARE)
    used: set[str] = set(done or ())
    weeks = []
    for week in range(from_week, WEEKS + 1):
        phase = phase_of(week)
        entries: list[dict] = []
        spent = 0.0
        # Quiz items are practised as adaptive tests on the phase's weakest quiz topics.
        topics = [t for t in (quiz_topics or []) if t in phase.topics or not phase.topics]
        # Equal weakness (no evidence yet) keeps the syllabus order of the phase's topics.
        order = {t: i for i, t in enumerate(phase.topics)}
        topics.sort(key=lambda t: (-weakness.get(t, 0.5), order.get(t, len(order)), t))
        for topic in topics[:2] if "quiz" in phase.kinds else []:
            entries.append({"type": "adaptive", "topic": topic, "minutes": ADAPTIVE_MINUTES})
            spent += ADAPTIVE_MINUTES
        if week >= 10:
            entries.append({"type": "mock", "company": company, "minutes": MOCK_MINUTES})
            spent += MOCK_MINUTES
        ranked = sorted((c for c in candidates if c.kind != "quiz" and c.id not in used
                         and fits(c, phase)),
                        key=lambda c: (-priority(c, week, weakness, company, target), c.id))
        for c in ranked:
            if spent + c.minutes > budget:
                continue
            entries.append({"type": "item", "id": c.id, "kind": c.kind, "minutes": c.minutes})
            used.add(c.id)
            spent += c.minutes
        monday = start + timedelta(weeks=week - 1)
        weeks.append({"week": week, "phase": phase.name, "start": monday.isoformat(),
                      "end": (monday + timedelta(days=6)).isoformat(),
                      "review_minutes": round(hours_per_week * 60 * REVIEW_SHARE),
                      "entries": entries})
    return weeks
