"""Mock interview loops: draw the items, run each round against its clock, write the report.

A sitting lives in one database row (store.models.MockRun) whose ``state`` is rewritten
after every answer and submission, so a crash or a closed terminal loses nothing.

Clocks are wall clocks, as in a real interview: a round's clock starts when the learner
begins that round and keeps running whether or not onsite is open. Between rounds there
is a break: the next clock starts only when the learner begins the next round. A round
closes when its work is done (every test passes, every question is answered, the written
answer is in), when the learner ends it, or when its time is up; whatever was submitted
before then is what counts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from onsite import config
from onsite.grade import mock as signals
from onsite.packs.loader import load_loops
from onsite.packs.loops import candidates
from onsite.packs.models import LoopSpec
from onsite.sessions.catalog import catalog, get_item, pack_paths
from onsite.store.db import session
from onsite.store.models import (
    LOCAL_LEARNER,
    Attempt,
    HintReveal,
    MockRun,
    QuizResponse,
    WrittenAnswer,
)

IMPLEMENTATION_KINDS = ("code", "paper", "debug", "levels")
RECENT = timedelta(days=30)   # an item seen this recently is drawn only when nothing fresher fits


class MockError(RuntimeError):
    """A mock-loop action that cannot happen now; the message says what to do instead."""


@dataclass
class Round:
    """One round of a sitting, as stored."""

    id: str
    title: str
    kind: str
    minutes: int
    brief: str
    gate: bool
    items: list[str]
    started_at: str | None = None
    ended_at: str | None = None
    ended_by: str | None = None        # done | time | learner
    answers: dict[str, dict] = field(default_factory=dict)   # quiz: per question
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def closed(self) -> bool:
        return self.ended_at is not None

    def deadline(self) -> datetime | None:
        if self.started_at is None:
            return None
        return _parse(self.started_at) + timedelta(minutes=self.minutes)

    def remaining_s(self, now: datetime) -> float:
        """Seconds left on this round's clock (its whole length before it starts)."""
        deadline = self.deadline()
        if deadline is None:
            return self.minutes * 60.0
        if self.closed:
            return 0.0
        return max((deadline - now).total_seconds(), 0.0)

    def used_s(self) -> float:
        if self.started_at is None:
            return 0.0
        end = _parse(self.ended_at) if self.ended_at else datetime.now(UTC)
        return min((end - _parse(self.started_at)).total_seconds(), self.minutes * 60.0)


@dataclass
class Sitting:
    """A mock loop in progress or finished, with the loop it follows."""

    id: str
    loop: LoopSpec
    status: str
    started_at: datetime
    rounds: list[Round]
    workspace: Path
    report: dict | None = None

    @property
    def current(self) -> Round | None:
        """The first round not yet closed; None once every round is."""
        return next((r for r in self.rounds if not r.closed), None)

    @property
    def number(self) -> int:
        """1-based position of the current round."""
        current = self.current
        return len(self.rounds) if current is None else self.rounds.index(current) + 1

    def round_folder(self, round_: Round) -> Path:
        return self.workspace / round_.id


# ---------------------------------------------------------------- loops


@cache
def loops() -> dict[str, LoopSpec]:
    """Every loop in the packs, by id (read once per process, like the catalog)."""
    found: dict[str, LoopSpec] = {}
    for path in pack_paths():
        found.update(load_loops(path))
    return found


def find_loop(company: str | None, role: str = "re", quick: bool = False) -> LoopSpec:
    """The loop for a company and role: the company's own first, then one for any company."""
    known = loops()
    fitting = [loop for loop in known.values()
               if loop.role == role and loop.quick == quick
               and loop.company in (company, None)]
    fitting.sort(key=lambda loop: (loop.company is None, loop.id))
    if not fitting:
        shapes = ", ".join(f"{loop.id} ({loop.company or 'any company'}, {loop.role}"
                           f"{', quick' if loop.quick else ''})" for loop in known.values())
        raise MockError(f"no {'quick ' if quick else ''}{role} loop for "
                        f"{company or 'any company'}; the loops are: {shapes}")
    return fitting[0]


# ---------------------------------------------------------------- starting


def start(loop_id: str, learner: str = LOCAL_LEARNER, seed: int | None = None,
          now: datetime | None = None) -> Sitting:
    """Draw every round's items and store a new sitting; its first clock starts on begin()."""
    if active(learner) is not None:
        raise MockError("a mock loop is already in progress: `onsite mock resume` to go on, "
                        "or `onsite mock abandon` to drop it")
    loop = loops().get(loop_id)
    if loop is None:
        raise MockError(f"no mock loop {loop_id!r}; there are: {', '.join(sorted(loops()))}")
    rng = random.Random(seed)
    seen = _recently_seen(learner, (now or datetime.now(UTC)) - RECENT)
    drawn: set[str] = set()
    rounds = []
    for spec in loop.rounds:
        items = _draw(candidates(spec, catalog().values()), spec.pick.count, seen, drawn, rng)
        if not items:
            raise MockError(f"round {spec.id} of {loop.id}: no {spec.kind} item fits its pick")
        drawn.update(items)
        rounds.append(Round(id=spec.id, title=spec.title, kind=spec.kind, minutes=spec.minutes,
                            brief=spec.brief, gate=spec.gate, items=items))
    with session() as s:
        row = MockRun(learner=learner, loop_id=loop.id, status="running",
                      started_at=now or datetime.now(UTC), state={})
        s.add(row)
        s.flush()
        row.state = _state_dict(rounds, _workspace_for(loop.id, row.id))
        run_id = row.id
    return get(run_id, learner)


def _draw(pool: list, count: int, seen: set[str], taken: set[str],
          rng: random.Random) -> list[str]:
    """``count`` ids from the pool: unseen ones first, in a seeded random order, and no
    two sharing a main topic while another topic is still unasked."""
    items = [item for item in pool if item.id not in taken]
    fresh = [i for i in items if i.id not in seen]
    stale = [i for i in items if i.id in seen]
    rng.shuffle(fresh)
    rng.shuffle(stale)
    ordered = fresh + stale
    chosen, topics = [], set()
    for item in ordered:
        if len(chosen) < count and item.meta.topics[0] not in topics:
            chosen.append(item)
            topics.add(item.meta.topics[0])
    chosen += [i for i in ordered if i not in chosen][:count - len(chosen)]
    return [i.id for i in chosen]


def _recently_seen(learner: str, since: datetime) -> set[str]:
    with session() as s:
        seen: set[str] = set()
        for model in (Attempt, QuizResponse, WrittenAnswer):
            seen.update(s.scalars(select(model.item_id).where(
                model.learner == learner, model.created_at >= since)))
    return seen


def _workspace_for(loop_id: str, run_id: str) -> Path:
    return config.workspace_dir() / "mock" / f"{loop_id}-{run_id[:8]}"


# ---------------------------------------------------------------- reading


def active(learner: str = LOCAL_LEARNER) -> Sitting | None:
    """The sitting in progress, if any (there is at most one per learner)."""
    with session() as s:
        row = s.scalar(select(MockRun).where(MockRun.learner == learner,
                                             MockRun.status == "running")
                       .order_by(MockRun.started_at.desc()))
        return _sitting(row) if row is not None else None


def get(run_id: str, learner: str = LOCAL_LEARNER) -> Sitting:
    """A sitting by id or by a unique prefix of it."""
    with session() as s:
        rows = list(s.scalars(select(MockRun).where(MockRun.learner == learner,
                                                    MockRun.id.startswith(run_id))))
    if len(rows) != 1:
        raise MockError(f"no mock loop {run_id!r}" if not rows else
                        f"{run_id!r} matches {len(rows)} sittings; give more of the id")
    return _sitting(rows[0])


def reports(learner: str = LOCAL_LEARNER) -> list[Sitting]:
    """Finished sittings, newest first."""
    with session() as s:
        rows = list(s.scalars(select(MockRun).where(MockRun.learner == learner,
                                                    MockRun.status == "finished")
                              .order_by(MockRun.started_at.desc())))
    return [_sitting(row) for row in rows]


def _sitting(row: MockRun) -> Sitting:
    known = loops()
    loop = known.get(row.loop_id)
    if loop is None:
        raise MockError(f"the loop {row.loop_id!r} of sitting {row.id[:8]} is no longer in "
                        "any pack")
    rounds = [Round(**r) for r in row.state.get("rounds", [])]
    return Sitting(id=row.id, loop=loop, status=row.status, started_at=_aware(row.started_at),
                   rounds=rounds, workspace=Path(row.state.get("workspace", ".")),
                   report=row.report)


# ---------------------------------------------------------------- the clock


def sync(sitting: Sitting, now: datetime | None = None) -> Sitting:
    """Close every round whose time ran out; finish the loop when none is left."""
    now = now or datetime.now(UTC)
    current = sitting.current
    while current is not None and current.started and current.remaining_s(now) <= 0:
        _close(current, current.deadline(), "time")
        current = sitting.current
    _save(sitting, now)
    return sitting


def begin(sitting: Sitting, now: datetime | None = None) -> Round:
    """Start the current round's clock (once) and, for implementation rounds, write its
    workspace. Returns the round."""
    now = now or datetime.now(UTC)
    sync(sitting, now)
    current = _require_current(sitting)
    if not current.started:
        current.started_at = now.isoformat()
        if current.kind in IMPLEMENTATION_KINDS:
            _write_workspace(sitting, current)
        _save(sitting, now)
    return current


def _write_workspace(sitting: Sitting, round_: Round) -> Path:
    from onsite.sessions.practice import SUBMISSION_FILE, reveal_levels

    item = get_item(round_.items[0])
    folder = sitting.round_folder(round_)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "prompt.md").write_text(item.prompt)
    solution = folder / SUBMISSION_FILE
    if not solution.exists():   # beginning twice keeps the work
        solution.write_text(item.starter)
    if item.meta.kind == "levels":
        reveal_levels(item, folder, 1)
    return folder


def submission_path(sitting: Sitting) -> Path:
    """The file `onsite mock submit` judges for the current implementation round."""
    from onsite.sessions.practice import SUBMISSION_FILE

    current = _require_current(sitting)
    if current.kind not in IMPLEMENTATION_KINDS:
        raise MockError(f"round {sitting.number} ({current.title}) is a {current.kind} round: "
                        "answer it with `onsite mock resume`")
    return sitting.round_folder(current) / SUBMISSION_FILE


# ---------------------------------------------------------------- acting in a round


def submit(sitting: Sitting, runner=None, now: datetime | None = None):
    """Judge the current implementation round's workspace file; the round closes on a pass.

    Returns the verdict. The attempt is stored like any other, so it counts for review.
    """
    from onsite.sessions import practice

    now = now or datetime.now(UTC)
    current = _started_current(sitting, now)
    path = submission_path(sitting)
    if not path.is_file():
        raise MockError(f"{path}: no such file (run `onsite mock resume` to write it again)")
    item = get_item(current.items[0])
    code = path.read_text(encoding="utf-8", errors="replace")
    verdict = practice.judge_code(item.id, code, runner=runner, kind=item.meta.kind)
    _record_submission(current, item, verdict)
    if item.meta.kind == "levels":
        practice.reveal_levels(item, path.parent, verdict.level)
    if verdict.passed:
        _close(current, now, "done")
    _save(sitting, now)
    return verdict


def _record_submission(round_: Round, item, verdict) -> None:
    result = dict(round_.result)
    result["submitted"] = True
    result["submissions"] = int(result.get("submissions", 0)) + 1
    passed = sum(t.status == "pass" for t in verdict.tests)
    if item.meta.kind == "levels":
        total = item.meta.levels or 1
        done = total if verdict.passed else max(verdict.level - 1, 0)
        result["levels_total"] = total
        result["levels_passed"] = max(done, int(result.get("levels_passed", 0)))
    best = (verdict.passed, passed) >= (bool(result.get("passed")), int(result.get("tests_passed", 0)))
    if best:
        result.update(passed=verdict.passed, tests_passed=passed, tests_total=len(verdict.tests),
                      status=verdict.status, message=verdict.message)
    round_.result = result


def answer_question(sitting: Sitting, item_id: str, response: str, seconds: float,
                    now: datetime | None = None):
    """Grade and store one answer of the current quiz round; returns the outcome.

    Raises learn.answers.Unreadable (storing nothing) when the response is not an answer.
    """
    from onsite.sessions import quiz

    now = now or datetime.now(UTC)
    current = _started_current(sitting, now)
    if current.kind != "quiz" or item_id not in current.items:
        raise MockError(f"{item_id!r} is not a question of the current round")
    if item_id in current.answers:
        raise MockError(f"{item_id!r} is already answered; there is no going back")
    outcome = quiz.answer(item_id, response, seconds, mode="mock", session_id=sitting.id)
    current.answers = {**current.answers, item_id: {
        "response": outcome.response, "correct": outcome.correct, "seconds": round(seconds, 1)}}
    current.result = _quiz_result(current)
    if len(current.answers) == len(current.items):
        _close(current, now, "done")
    _save(sitting, now)
    return outcome


def next_question(sitting: Sitting) -> str | None:
    """The current quiz round's first unanswered question."""
    current = sitting.current
    if current is None or current.kind != "quiz":
        return None
    return next((i for i in current.items if i not in current.answers), None)


def _quiz_result(round_: Round) -> dict:
    return {"submitted": bool(round_.answers), "total": len(round_.items),
            "answered": len(round_.answers),
            "correct": sum(a["correct"] for a in round_.answers.values())}


def answer_open(sitting: Sitting, text: str, now: datetime | None = None):
    """Grade the written answer of the current open round and close the round.

    The answer is stored before grading (sessions.written), so a grader failure loses
    nothing. Raises ValueError for an answer too short to grade.
    """
    from onsite.sessions import written

    now = now or datetime.now(UTC)
    current = _started_current(sitting, now)
    if current.kind != "open":
        raise MockError(f"round {sitting.number} is a {current.kind} round, not a written one")
    item = get_item(current.items[0])
    grade = written.grade_answer(item.id, text)
    texts = {p.id: p.text for p in written.rubric_for(item.id).points}
    missed = [texts[g.id] for g in grade.points if not g.covered]
    current.result = {"submitted": True, "score": round(grade.score, 3), "level": grade.level,
                      "covered": sum(g.covered for g in grade.points),
                      "points": len(grade.points), "missed": missed}
    _close(current, now, "done")
    _save(sitting, now)
    return grade


def end_round(sitting: Sitting, now: datetime | None = None) -> Round:
    """The learner ends the current round early; what was submitted stands."""
    now = now or datetime.now(UTC)
    current = _started_current(sitting, now)
    _close(current, now, "learner")
    _save(sitting, now)
    return current


def abandon(sitting: Sitting) -> None:
    """Drop a sitting without a report; everything answered in it stays in the history."""
    with session() as s:
        row = s.get(MockRun, sitting.id)
        row.status = "abandoned"
        row.finished_at = datetime.now(UTC)
    sitting.status = "abandoned"


def _require_current(sitting: Sitting) -> Round:
    if sitting.status != "running":
        raise MockError(f"this mock loop is {sitting.status}")
    current = sitting.current
    if current is None:
        raise MockError("every round of this loop is closed")
    return current


def _started_current(sitting: Sitting, now: datetime) -> Round:
    sync(sitting, now)
    if sitting.status != "running":
        raise MockError("the time is up and the loop is over: `onsite mock reports` has the report")
    current = _require_current(sitting)
    if not current.started:
        raise MockError(f"round {sitting.number} ({current.title}) has not begun: "
                        "`onsite mock resume` begins it")
    return current


def _close(round_: Round, when: datetime, why: str) -> None:
    round_.ended_at = when.isoformat()
    round_.ended_by = why
    if round_.kind in IMPLEMENTATION_KINDS:
        round_.result = {**round_.result, "hints": _hints_during(round_)}
    if round_.kind == "quiz":
        round_.result = _quiz_result(round_)


def _hints_during(round_: Round) -> int:
    start, end = _parse(round_.started_at), _parse(round_.ended_at)
    with session() as s:
        revealed = s.scalars(select(HintReveal.revealed_at).where(
            HintReveal.item_id == round_.items[0]))
        return sum(start <= _aware(moment) <= end for moment in revealed)


# ---------------------------------------------------------------- storing


def _state_dict(rounds: list[Round], workspace: Path) -> dict:
    return {"workspace": str(workspace), "rounds": [vars(r).copy() for r in rounds]}


def _save(sitting: Sitting, now: datetime) -> None:
    """Write the sitting's state; when every round is closed, write its report too."""
    finished = sitting.status == "running" and sitting.current is None
    with session() as s:
        row = s.get(MockRun, sitting.id)
        row.state = _state_dict(sitting.rounds, sitting.workspace)
        if finished:
            sitting.report = build_report(sitting)
            row.report = sitting.report
            row.status = sitting.status = "finished"
            row.finished_at = now


# ---------------------------------------------------------------- the report


def build_report(sitting: Sitting) -> dict:
    """Per round: what was asked, the result, the time and the signal; then the overall
    recommendation and the three weakest areas with what to practise next."""
    items = catalog()
    rounds = []
    judged: list[tuple[signals.Signal, bool]] = []
    for r in sitting.rounds:
        signal = signals.round_signal(r.kind, r.result, r.minutes, r.used_s())
        judged.append((signal, r.gate))
        rounds.append({
            "id": r.id, "title": r.title, "kind": r.kind, "gate": r.gate,
            "minutes": r.minutes, "used_s": round(r.used_s()), "ended_by": r.ended_by,
            "items": [{"id": i, "title": items[i].meta.title if i in items else i}
                      for i in r.items],
            "result": r.result, "signal": signal.level, "label": signal.label,
            "reason": signal.reason, "score": round(signal.score, 3)})
    verdict = signals.overall(judged)
    return {"loop": sitting.loop.id, "title": sitting.loop.title,
            "started_at": sitting.started_at.isoformat(), "rounds": rounds,
            "overall": verdict.level, "overall_label": verdict.label,
            "overall_reason": verdict.reason, "weakest": weakest_areas(sitting, rounds)}


def weakest_areas(sitting: Sitting, rounds: list[dict], count: int = 3) -> list[dict]:
    """The topics with the lowest round scores, each with items to practise next.

    A quiz round scores each question's topics by that question's own result, so a
    rapid-fire round points at the topics actually missed.
    """
    items = catalog()
    scores: dict[str, list[float]] = {}
    for stored, r in zip(sitting.rounds, rounds, strict=True):
        for item_id in stored.items:
            item = items.get(item_id)
            if item is None:
                continue
            if stored.kind == "quiz":
                answer = stored.answers.get(item_id)
                score = 1.0 if answer and answer["correct"] else 0.0
            else:
                score = r["score"]
            for topic in item.meta.topics:
                scores.setdefault(topic, []).append(score)
    from onsite.sessions.plan import done_items

    ranked = sorted(scores, key=lambda t: (sum(scores[t]) / len(scores[t]), t))
    skip = {i for r in sitting.rounds for i in r.items} | done_items()
    return [{"topic": topic, "score": round(sum(scores[topic]) / len(scores[topic]), 3),
             "practise": _to_practise(topic, skip)} for topic in ranked[:count]]


def _to_practise(topic: str, skip: set[str], count: int = 3) -> list[str]:
    """Up to ``count`` items of the topic not in ``skip``: implementation first, easy first."""
    order = {"code": 0, "debug": 1, "paper": 2, "open": 3, "quiz": 4, "levels": 5}
    level = {"easy": 0, "medium": 1, "hard": 2}
    pool = [i for i in catalog().values() if topic in i.meta.topics and i.id not in skip]
    pool.sort(key=lambda i: (order[i.meta.kind], level[i.meta.difficulty], i.id))
    return [i.id for i in pool[:count]]


def to_markdown(report: dict) -> str:
    """The report as a Markdown document, for keeping or sharing."""
    lines = [f"# {report['title']}: {report['overall_label']}", "",
             f"Sat {report['started_at'][:16].replace('T', ' ')} UTC. "
             f"Overall: **{report['overall_label']}** ({report['overall_reason']}).", "",
             "| # | round | asked | result | time | signal |",
             "|---|---|---|---|---|---|"]
    for n, r in enumerate(report["rounds"], 1):
        asked = ", ".join(i["title"] for i in r["items"][:3])
        if len(r["items"]) > 3:
            asked += f" and {len(r['items']) - 3} more"
        gate = " (gate)" if r["gate"] else ""
        lines.append(f"| {n} | {r['title']}{gate} | {asked} | {r['reason']} | "
                     f"{_clock(r['used_s'])} of {r['minutes']}:00 | {r['label']} |")
    lines += ["", "## Weakest areas", ""]
    for area in report["weakest"]:
        practise = ", ".join(f"`{i}`" for i in area["practise"]) or "nothing new left: review"
        lines.append(f"- **{area['topic']}** (score {area['score']:.2f}): practise {practise}")
    missed = [(r["title"], m) for r in report["rounds"] for m in r["result"].get("missed", [])]
    if missed:
        lines += ["", "## Points your written answers missed", ""]
        lines += [f"- {title}: {point}" for title, point in missed]
    return "\n".join(lines) + "\n"


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _parse(moment: str) -> datetime:
    return _aware(datetime.fromisoformat(moment))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
