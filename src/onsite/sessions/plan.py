"""The learner's 12-week plan: made from the bank and the evidence, re-made each week."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from onsite.learn import plan as planner
from onsite.sessions.assess import evidence, history, measured
from onsite.sessions.catalog import catalog
from onsite.store.db import session
from onsite.store.models import LOCAL_LEARNER, Attempt, QuizResponse, StudyPlan

TARGETS = ("re", "rs")
COMPANIES = ("openai", "anthropic", "deepmind", "any")


class NoPlan(LookupError):
    """The learner has not made a plan yet."""


def weakness(learner: str = LOCAL_LEARNER) -> dict[str, float]:
    """0 (strong) to 1 (weak) per topic: measured where possible, else the latest self-rating."""
    from onsite.packs.taxonomy import load_taxonomy
    from onsite.sessions.assess import get_spec

    scores: dict[str, float] = {}
    ratings = [r for r in history("re-skills", learner)]
    if ratings:
        spec = get_spec("re-skills")
        for q in spec.questions:
            for topic in q.evidence:
                scores[topic] = 1 - (int(ratings[-1].answers.get(q.id, 3)) - 1) / 4
    known = evidence(learner)  # read once, not once per topic
    for topic in load_taxonomy().topics:
        found = measured([topic], learner, known)
        if found.level is not None:
            scores[topic] = 1 - (found.level - 1) / 4  # evidence outranks self-report
    return scores


def done_items(learner: str = LOCAL_LEARNER) -> set[str]:
    """Items passed (judged) or answered right (quiz): a plan does not schedule them again."""
    with session() as s:
        passed = set(s.scalars(select(Attempt.item_id).where(Attempt.learner == learner,
                                                             Attempt.passed)))
        right = set(s.scalars(select(QuizResponse.item_id).where(QuizResponse.learner == learner,
                                                                 QuizResponse.correct)))
    return passed | right


def _candidates() -> list[planner.Candidate]:
    return [planner.Candidate(i.id, i.meta.kind, i.meta.family, tuple(i.meta.topics),
                              i.meta.difficulty, i.meta.minutes, tuple(i.meta.companies))
            for i in catalog().values()]


def _quiz_topics() -> list[str]:
    from onsite.sessions.quiz import MIN_ADAPTIVE_ITEMS, quiz_items

    counts: dict[str, int] = {}
    for item in quiz_items():
        counts[item.meta.topics[0]] = counts.get(item.meta.topics[0], 0) + 1
    return sorted(t for t, n in counts.items() if n >= MIN_ADAPTIVE_ITEMS)


def create(target: str, company: str, hours_per_week: float, start: date,
           learner: str = LOCAL_LEARNER) -> StudyPlan:
    if target not in TARGETS:
        raise ValueError(f"target is one of {', '.join(TARGETS)}")
    if company not in COMPANIES:
        raise ValueError(f"company is one of {', '.join(COMPANIES)}")
    if not 1 <= hours_per_week <= 80:
        raise ValueError("hours per week runs from 1 to 80")
    params = {"target": target, "company": company, "hours_per_week": hours_per_week,
              "start": start.isoformat()}
    return _store(params, _weeks(params, 1, learner), learner)


def _weeks(params: dict, from_week: int, learner: str) -> list[dict]:
    return planner.build(_candidates(), start=date.fromisoformat(params["start"]),
                         hours_per_week=params["hours_per_week"], company=params["company"],
                         target=params["target"], weakness=weakness(learner),
                         from_week=from_week, quiz_topics=_quiz_topics(),
                         done=done_items(learner))


def _store(params: dict, weeks: list[dict], learner: str) -> StudyPlan:
    with session() as s:
        row = StudyPlan(learner=learner, params=params, weeks=weeks)
        s.add(row)
    return row


def current(learner: str = LOCAL_LEARNER) -> StudyPlan:
    with session() as s:
        row = s.scalar(select(StudyPlan).where(StudyPlan.learner == learner)
                       .order_by(StudyPlan.created_at.desc()).limit(1))
    if row is None:
        raise NoPlan("no plan yet: `onsite plan --target re --company any --hours-per-week 10`")
    return row


def week_number(plan: StudyPlan, today: date) -> int:
    """The plan week containing ``today`` (0 before the start, 13 after the end)."""
    start = date.fromisoformat(plan.params["start"])
    if today < start:
        return 0
    return min(planner.WEEKS + 1, (today - start).days // 7 + 1)


def replan(today: date | None = None, learner: str = LOCAL_LEARNER) -> StudyPlan:
    """Keep the weeks already lived, re-fill the rest from today's evidence."""
    plan = current(learner)
    today = today or datetime.now(UTC).astimezone().date()
    now = max(1, week_number(plan, today))
    if now > planner.WEEKS:
        return plan
    kept = [w for w in plan.weeks if w["week"] < now]
    return _store(plan.params, kept + _weeks(plan.params, now, learner), learner)


def to_markdown(plan: StudyPlan) -> str:
    items = catalog()
    p = plan.params
    lines = [f"# 12-week plan: {p['target'].upper()}, {p['company']}, {p['hours_per_week']:g} h/week",
             "", f"Made {plan.created_at:%Y-%m-%d}; re-plan weekly with `onsite plan --replan`.", ""]
    for w in plan.weeks:
        lines += [f"## Week {w['week']} ({w['start']} to {w['end']}): {w['phase']}", "",
                  f"- spaced review: about {w['review_minutes']} minutes (`onsite review`)"]
        lines += [f"- {_entry_text(e, items)}" for e in w["entries"]]
        lines.append("")
    return "\n".join(lines)


def _entry_text(entry: dict, items) -> str:
    if entry["type"] == "adaptive":
        return f"adaptive quiz on {entry['topic']} ({entry['minutes']} min)"
    if entry["type"] == "mock":
        return f"a full mock loop shaped like {entry['company']}'s ({entry['minutes']} min)"
    item = items.get(entry["id"])
    title = item.meta.title if item else "(no longer in the pack)"
    return f"{entry['id']}: {title} ({entry['kind']}, {entry['minutes']} min)"


def to_ics(plan: StudyPlan) -> bytes:
    """One all-day event per week listing its work, for any calendar application."""
    from datetime import timedelta

    from icalendar import Calendar, Event

    items = catalog()
    cal = Calendar()
    cal.add("prodid", "-//onsite//12-week plan//EN")
    cal.add("version", "2.0")
    for w in plan.weeks:
        event = Event()
        event.add("uid", f"onsite-{plan.id}-week-{w['week']}")
        event.add("summary", f"onsite week {w['week']}: {w['phase']}")
        event.add("dtstart", date.fromisoformat(w["start"]))
        event.add("dtend", date.fromisoformat(w["end"]) + timedelta(days=1))
        event.add("dtstamp", plan.created_at)
        event.add("description", "\n".join([f"spaced review: {w['review_minutes']} min",
                                            *(_entry_text(e, items) for e in w["entries"])]))
        cal.add_component(event)
    return cal.to_ical()
