"""Practising one item: workspace, judging, hints, explanation, statistics."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Integer, func, select

from onsite import config
from onsite.judge.verdict import Verdict
from onsite.sessions import review
from onsite.sessions.catalog import catalog, get_item
from onsite.store.db import session
from onsite.store.models import LOCAL_LEARNER, Attempt, HintReveal, Workspace, WrittenAnswer

SUBMISSION_FILE = "solution.py"


class NoAttemptYet(RuntimeError):
    """The explanation unlocks after a first attempt."""


class MissingSubmission(FileNotFoundError):
    """The file to judge does not exist."""


def workspace_path(item_id: str, base: Path | None = None) -> Path:
    return (base or config.workspace_dir()) / item_id.replace("/", "__")


def start(item_id: str, base: Path | None = None, learner: str = LOCAL_LEARNER) -> Path:
    """Write the learner's workspace (prompt, starter) and remember when work began.

    An existing solution.py is never overwritten: starting again keeps the work.
    """
    item = get_item(item_id)
    folder = workspace_path(item_id, base).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "prompt.md").write_text(item.prompt)
    if item.meta.kind == "levels":
        reveal_levels(item, folder, unlocked_level(item_id, learner))
    solution = folder / SUBMISSION_FILE
    if not solution.exists():
        solution.write_text(item.starter)
    with session() as s:
        existing = s.scalar(select(Workspace).where(Workspace.learner == learner,
                                                    Workspace.item_id == item_id))
        if existing is None:
            s.add(Workspace(learner=learner, item_id=item_id, path=str(folder)))
        else:
            existing.path = str(folder)
    return folder


def workspace_file(item_id: str, learner: str = LOCAL_LEARNER) -> Path:
    with session() as s:
        ws = s.scalar(select(Workspace).where(Workspace.learner == learner,
                                              Workspace.item_id == item_id))
    if ws is None:
        raise MissingSubmission(f"no workspace for {item_id!r} yet: run `onsite start {item_id}`")
    return Path(ws.path) / SUBMISSION_FILE


def make_runner():
    """The sandboxed runner on Linux; the unisolated one only where nothing else works."""
    from onsite.judge.worker import SandboxRunner

    return SandboxRunner()


def judge_file(item_id: str, path: Path, runner=None, learner: str = LOCAL_LEARNER) -> Verdict:
    """Judge a submission file and store the attempt. Raises for usage errors."""
    item = get_item(item_id)
    if not path.is_file():
        raise MissingSubmission(f"{path}: no such file")
    code = path.read_text(encoding="utf-8", errors="replace")
    return judge_code(item_id, code, runner=runner, learner=learner, kind=item.meta.kind)


def judge_code(item_id: str, code: str, runner=None, learner: str = LOCAL_LEARNER,
               kind: str = "code") -> Verdict:
    from onsite.judge.verifier import judge

    item = get_item(item_id)
    own_runner = runner is None
    runner = runner or make_runner()
    try:
        verdict = judge(item, code, runner)
    finally:
        if own_runner:
            runner.close()
    record_attempt(item_id, kind, code, verdict, learner)
    if item.meta.kind == "levels":
        folder = _workspace_folder(item_id, learner)
        if folder is not None:
            reveal_levels(item, folder, verdict.level)
    return verdict


def unlocked_level(item_id: str, learner: str = LOCAL_LEARNER) -> int:
    """The highest level of a levels item the learner has reached (1 before any attempt)."""
    with session() as s:
        verdicts = s.scalars(select(Attempt.verdict).where(Attempt.learner == learner,
                                                           Attempt.item_id == item_id))
        return max((v.get("level", 0) for v in verdicts), default=0) or 1


def reveal_levels(item, folder: Path, level: int) -> list[Path]:
    """Write the spec of every level up to ``level`` into the workspace; none beyond it."""
    written = []
    for k in range(1, max(level, 1) + 1):
        path = folder / f"level{k}.md"
        if not path.exists():
            path.write_text(item.level_spec(k))
            written.append(path)
    return written


def _workspace_folder(item_id: str, learner: str) -> Path | None:
    with session() as s:
        ws = s.scalar(select(Workspace).where(Workspace.learner == learner,
                                              Workspace.item_id == item_id))
        return Path(ws.path) if ws is not None else None


def record_attempt(item_id: str, kind: str, code: str, verdict: Verdict,
                   learner: str = LOCAL_LEARNER) -> Attempt:
    """Store one attempt in its own transaction: once this returns, it is on disk."""
    with session() as s:
        started = s.scalar(select(Workspace.started_at).where(
            Workspace.learner == learner, Workspace.item_id == item_id))
        first = s.scalar(select(func.min(Attempt.created_at)).where(
            Attempt.learner == learner, Attempt.item_id == item_id))
        begin = _aware(started or first)
        hints = _hints_shown(s, item_id, learner)
        attempt = Attempt(
            learner=learner, item_id=item_id, kind=kind, status=verdict.status,
            passed=verdict.passed, code=code, verdict=verdict.to_dict(), hints_used=hints,
            duration_s=(datetime.now(UTC) - begin).total_seconds() if begin else 0.0,
        )
        s.add(attempt)
        s.flush()
        item = catalog().get(item_id)
        if item is not None:  # an attempt at an item no longer in any pack is kept, not scheduled
            review.after_attempt(s, attempt, item.meta.minutes, learner)
    return attempt


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:  # SQLite drops the zone
        return moment.replace(tzinfo=UTC)
    return moment


def _hints_shown(s, item_id: str, learner: str) -> int:
    return s.scalar(select(func.count()).select_from(HintReveal).where(
        HintReveal.learner == learner, HintReveal.item_id == item_id)) or 0


@dataclass
class Hint:
    index: int  # 1-based
    total: int
    text: str
    new: bool


def next_hint(item_id: str, learner: str = LOCAL_LEARNER) -> Hint | None:
    """Reveal (and record) the next hint; None when every hint is already shown."""
    hints = get_item(item_id).hints
    with session() as s:
        shown = _hints_shown(s, item_id, learner)
        if shown >= len(hints):
            return None
        s.add(HintReveal(learner=learner, item_id=item_id, hint_index=shown))
    return Hint(shown + 1, len(hints), hints[shown], True)


def revealed_hints(item_id: str, learner: str = LOCAL_LEARNER) -> list[str]:
    hints = get_item(item_id).hints
    with session() as s:
        shown = _hints_shown(s, item_id, learner)
    return hints[:shown]


def explanation(item_id: str, learner: str = LOCAL_LEARNER) -> str:
    item = get_item(item_id)
    with session() as s:
        tried = s.scalar(select(func.count()).select_from(Attempt).where(
            Attempt.learner == learner, Attempt.item_id == item_id)) or 0
    if not tried:
        raise NoAttemptYet(f"the explanation of {item_id!r} unlocks after a first attempt: "
                           f"`onsite test {item_id}`")
    return item.explanation


def attempts(item_id: str | None = None, learner: str = LOCAL_LEARNER) -> list[Attempt]:
    with session() as s:
        query = select(Attempt).where(Attempt.learner == learner)
        if item_id:
            query = query.where(Attempt.item_id == item_id)
        return list(s.scalars(query.order_by(Attempt.created_at)))


class _Rates:
    """Pass rate and mean time of anything that counts attempts, passes and seconds."""

    attempts: int
    passed: int
    seconds: float

    @property
    def pass_rate(self) -> float:
        return self.passed / self.attempts if self.attempts else 0.0

    @property
    def mean_minutes(self) -> float:
        return self.seconds / 60 / self.attempts if self.attempts else 0.0


@dataclass
class TopicStats(_Rates):
    topic: str
    attempts: int = 0
    passed: int = 0
    items_tried: set[str] = field(default_factory=set)
    items_solved: set[str] = field(default_factory=set)
    seconds: float = 0.0


def stats(learner: str = LOCAL_LEARNER) -> list[TopicStats]:
    """Attempts, pass rate and time, per topic of the attempted items."""
    items = catalog()
    table: dict[str, TopicStats] = defaultdict(lambda: TopicStats(""))
    # Only the columns used: a long history's code and verdicts stay on disk.
    with session() as s:
        rows = s.execute(select(Attempt.item_id, Attempt.passed, Attempt.duration_s)
                         .where(Attempt.learner == learner).order_by(Attempt.created_at)).all()
    for item_id, passed, duration_s in rows:
        item = items.get(item_id)
        topics = item.meta.topics if item else ["(removed item)"]
        for topic in topics:
            row = table[topic]
            row.topic = topic
            row.attempts += 1
            row.passed += passed
            row.seconds += duration_s
            row.items_tried.add(item_id)
            if passed:
                row.items_solved.add(item_id)
    return sorted(table.values(), key=lambda r: r.topic)


def watch(item_id: str, on_verdict: Callable[[Verdict], None],
          should_stop: Callable[[], bool], poll_s: float = 0.3,
          learner: str = LOCAL_LEARNER) -> int:
    """Judge the workspace copy now and after every save, with one warm worker.

    Returns the number of verdicts given. Polls modification times so it works
    on every filesystem and editor (some replace files instead of writing them).
    """
    import time

    path = workspace_file(item_id, learner)
    runner = make_runner()
    seen: tuple[float, int] | None = None
    count = 0
    try:
        while not should_stop():
            try:
                stat = path.stat()
                stamp = (stat.st_mtime, stat.st_size)
            except FileNotFoundError:
                stamp = None
            if stamp is not None and stamp != seen:
                seen = stamp
                on_verdict(judge_file(item_id, path, runner=runner, learner=learner))
                count += 1
            time.sleep(poll_s)
    finally:
        runner.close()
    return count


EXPORT_FORMAT = "onsite-history/1"
# Every table of a learner's history, in the order an import restores them. A file
# written before a table existed simply lacks its key.
EXPORTED = (("attempts", Attempt), ("hint_reveals", HintReveal), ("workspaces", Workspace),
            ("written_answers", WrittenAnswer))


def export_history(path: Path, learner: str = LOCAL_LEARNER) -> dict[str, int]:
    """Write every attempt, hint and workspace of the learner to a JSON file."""
    data: dict = {"format": EXPORT_FORMAT, "exported_at": datetime.now(UTC).isoformat()}
    with session() as s:
        for key, model in EXPORTED:
            data[key] = [_row(r) for r in s.scalars(select(model).where(model.learner == learner))]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1))
    tmp.replace(path)
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


def import_history(path: Path, learner: str = LOCAL_LEARNER) -> dict[str, int]:
    """Merge an exported history; rows already present (same id) are skipped."""
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not an onsite export ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ValueError(f"{path}: not an onsite export (expected format {EXPORT_FORMAT!r})")
    added = {}
    with session() as s:
        for key, model in EXPORTED:
            count = 0
            for row in data.get(key, []):
                if s.get(model, row["id"]) is not None or _duplicate(s, model, row, learner):
                    continue
                s.add(model(**_from_row(model, row, learner)))
                count += 1
            added[key] = count
    return added


def _duplicate(s, model, row: dict, learner: str) -> bool:
    if model is HintReveal:
        return s.scalar(select(HintReveal).where(
            HintReveal.learner == learner, HintReveal.item_id == row["item_id"],
            HintReveal.hint_index == row["hint_index"])) is not None
    if model is Workspace:
        return s.scalar(select(Workspace).where(
            Workspace.learner == learner, Workspace.item_id == row["item_id"])) is not None
    return False


def _row(obj) -> dict:
    out = {}
    for column in obj.__table__.columns:
        value = getattr(obj, column.name)
        out[column.name] = value.isoformat() if isinstance(value, datetime) else value
    return out


def _from_row(model, row: dict, learner: str) -> dict:
    values = {}
    for column in model.__table__.columns:
        if column.name not in row:
            continue
        value = row[column.name]
        if isinstance(column.type.python_type, type) and column.type.python_type is datetime:
            value = datetime.fromisoformat(value)
        values[column.name] = value
    values["learner"] = learner
    return values


def item_status(learner: str = LOCAL_LEARNER) -> dict[str, str]:
    """Per item the learner has judged: "solved" once any attempt passed, else "tried".

    One aggregate query, so a history of any length costs the same.
    """
    with session() as s:
        rows = s.execute(select(Attempt.item_id, func.max(Attempt.passed.cast(Integer)))
                         .where(Attempt.learner == learner).group_by(Attempt.item_id)).all()
    return {item_id: "solved" if best else "tried" for item_id, best in rows}


def last_code(item_id: str, learner: str = LOCAL_LEARNER) -> str | None:
    """The code of the learner's latest attempt at an item, or None before any attempt."""
    with session() as s:
        return s.scalar(select(Attempt.code).where(Attempt.learner == learner,
                                                   Attempt.item_id == item_id)
                        .order_by(Attempt.created_at.desc()).limit(1))


@dataclass
class GroupStats(_Rates):
    """Attempts, passes and time for a group of items (a family, or a kind without one)."""

    group: str
    attempts: int = 0
    passed: int = 0
    seconds: float = 0.0
    items_tried: int = 0
    items_solved: int = 0


def family_stats(learner: str = LOCAL_LEARNER) -> list[GroupStats]:
    """Pass rate and time per implementation family; debug and levels items by their kind.

    Aggregated per item in SQL (the history can be long), then grouped by family here.
    """
    items = catalog()
    with session() as s:
        rows = s.execute(
            select(Attempt.item_id, func.count(), func.sum(Attempt.passed.cast(Integer)),
                   func.sum(Attempt.duration_s))
            .where(Attempt.learner == learner).group_by(Attempt.item_id)).all()
    table: dict[str, GroupStats] = {}
    for item_id, count, passed, seconds in rows:
        item = items.get(item_id)
        group = (item.meta.family or item.meta.kind) if item else "(removed item)"
        row = table.setdefault(group, GroupStats(group))
        row.attempts += count
        row.passed += passed or 0
        row.seconds += seconds or 0.0
        row.items_tried += 1
        row.items_solved += bool(passed)
    return sorted(table.values(), key=lambda r: r.group)


def activity(days: int = 365, today: date | None = None,
             learner: str = LOCAL_LEARNER) -> dict[date, int]:
    """Judged attempts, quiz answers and written answers per local calendar day.

    Covers the ``days`` days ending ``today``; days without activity are absent.
    """
    today = today or datetime.now().astimezone().date()
    since = today - timedelta(days=days)
    return {d: n for d, n in review.day_history(learner).counts.items() if since < d <= today}
