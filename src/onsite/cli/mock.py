"""`onsite mock`: timed mock loops in the terminal. Each command is one call into
sessions/mock.py; this module only asks, shows and counts down."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from onsite.cli import _ask, _ask_question, console, err, fail_usage

mock_app = typer.Typer(
    help="Timed mock interview loops shaped like each lab's, ending in a per-round report.\n\n"
         "Start one with `onsite mock openai|anthropic|deepmind [--role re|rs] [--quick]`.",
    no_args_is_help=True,
)

COMPANIES = {"openai": "OpenAI", "anthropic": "Anthropic", "deepmind": "Google DeepMind"}
END_OF_ANSWER = "."


def _sessions():
    from onsite.sessions import mock

    return mock


def _active_or_exit():
    mock = _sessions()
    sitting = mock.active()
    if sitting is None:
        fail_usage("no mock loop in progress: start one with `onsite mock openai` "
                   "(or anthropic, deepmind; --quick for a 60-minute loop)")
    return mock.sync(sitting)


def _start(company: str, role: str, quick: bool, seed: int | None) -> None:
    mock = _sessions()
    if role not in ("re", "rs"):
        fail_usage(f"--role {role}: use re (research engineer) or rs (research scientist)")
    try:
        loop = mock.find_loop(company, role, quick)
        sitting = mock.start(loop.id, seed=seed)
    except mock.MockError as exc:
        fail_usage(str(exc))
    from onsite.cli import render

    render.mock_intro(console, sitting)
    _drive(sitting)


def _company_command(company: str):
    def command(
        role: Annotated[str, typer.Option(help="re (research engineer) or rs (research scientist)")] = "re",
        quick: Annotated[bool, typer.Option(help="the 60-minute quick loop")] = False,
        seed: Annotated[int | None, typer.Option(help="fix which items are drawn")] = None,
    ) -> None:
        _start(company, role, quick, seed)

    command.__doc__ = f"Start a mock loop shaped like {COMPANIES[company]}'s."
    return command


for _company in COMPANIES:
    mock_app.command(_company)(_company_command(_company))


@mock_app.command()
def resume() -> None:
    """Go on with the loop in progress: the round you were in, its clock still running."""
    _drive(_active_or_exit())


@mock_app.command()
def submit(
    as_json: Annotated[bool, typer.Option("--json", help="print the verdict JSON")] = False,
) -> None:
    """Judge your workspace file for the current coding, paper, debug or levels round."""
    from onsite.cli import render

    mock = _sessions()
    sitting = _active_or_exit()
    try:
        verdict = mock.submit(sitting)
    except mock.MockError as exc:
        fail_usage(str(exc))
    if as_json:
        print(json.dumps(verdict.to_dict(), indent=1))
    else:
        render.verdict(console, verdict)
        _after_submit(sitting)
    raise typer.Exit(0 if verdict.passed else 1)


def _after_submit(sitting) -> None:
    from onsite.cli import render

    if sitting.status == "finished":
        render.mock_report(console, sitting.report)
        return
    current = sitting.current
    if current is not None and current.started:
        err.print(f"{render.clock(current.remaining_s(_now()))} left in this round; submit "
                  "again whenever you like (`onsite mock next` ends the round now)")
    else:
        err.print("Round done. `onsite mock resume` begins the next one when you are ready.")


@mock_app.command("next")
def next_round() -> None:
    """End the current round now; what you submitted stands."""
    mock = _sessions()
    sitting = _active_or_exit()
    try:
        mock.end_round(sitting)
    except mock.MockError as exc:
        fail_usage(str(exc))
    if sitting.status == "finished":
        from onsite.cli import render

        render.mock_report(console, sitting.report)
    else:
        err.print("Round closed. `onsite mock resume` begins the next one.")


@mock_app.command()
def status(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Where the loop in progress stands: each round and the time left."""
    from onsite.cli import render

    sitting = _active_or_exit()
    now = _now()
    if as_json:
        current = sitting.current
        print(json.dumps({
            "id": sitting.id, "loop": sitting.loop.id, "status": sitting.status,
            "round": current.id if current else None,
            "rounds": [{"id": r.id, "kind": r.kind, "started": r.started, "closed": r.closed,
                        "ended_by": r.ended_by, "remaining_s": round(r.remaining_s(now), 1),
                        "result": r.result} for r in sitting.rounds]}, indent=1))
        return
    render.mock_status(console, sitting, now)


@mock_app.command()
def abandon() -> None:
    """Drop the loop in progress without a report (your answers stay in your history)."""
    mock = _sessions()
    sitting = _active_or_exit()
    mock.abandon(sitting)
    err.print(f"abandoned mock loop {sitting.id[:8]}")


@mock_app.command()
def reports(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Every finished mock loop with its overall signal, newest first."""
    from onsite.cli import render

    sittings = _sessions().reports()
    if as_json:
        print(json.dumps([{"id": s.id, **s.report} for s in sittings], indent=1))
        return
    if not sittings:
        err.print("no finished mock loops yet: `onsite mock openai --quick` takes an hour")
        return
    render.mock_reports(console, sittings)
    err.print("[dim]`onsite mock report ID` shows one; --markdown FILE exports it[/]")


@mock_app.command()
def report(
    run_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="default: the latest")] = None,
    markdown: Annotated[Path | None, typer.Option(help="also write the report to this file")] = None,
) -> None:
    """Show a finished loop's report; --markdown FILE exports it."""
    from onsite.cli import render

    mock = _sessions()
    try:
        sitting = mock.get(run_id) if run_id else next(iter(mock.reports()), None)
    except mock.MockError as exc:
        fail_usage(str(exc))
    if sitting is None or sitting.report is None:
        fail_usage("no finished mock loop yet" if sitting is None else
                   f"mock loop {sitting.id[:8]} is {sitting.status}: it has no report")
    render.mock_report(console, sitting.report)
    if markdown is not None:
        markdown.write_text(mock.to_markdown(sitting.report))
        err.print(f"wrote {markdown}")


# ---------------------------------------------------------------- driving a sitting


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _drive(sitting) -> None:
    """Run rounds until one needs the learner's editor, the input ends, or the loop ends."""
    from onsite.cli import render

    mock = _sessions()
    while True:
        mock.sync(sitting)
        if sitting.status == "finished":
            render.mock_report(console, sitting.report)
            err.print(f"[dim]saved: `onsite mock report {sitting.id[:8]} --markdown report.md` "
                      "exports it[/]")
            return
        current = sitting.current
        if not current.started:
            render.mock_round(console, sitting, current, current.remaining_s(_now()))
            if _ask("Enter starts the clock (q to stop here; resume later) ") is None:
                err.print("Stopped between rounds. `onsite mock resume` begins this round.")
                return
            mock.begin(sitting)
        elif current.kind != "quiz":
            render.mock_round(console, sitting, current, current.remaining_s(_now()))
        if current.kind == "quiz":
            if not _quiz_round(mock, sitting, current):
                return
        elif current.kind == "open":
            if not _open_round(mock, sitting, current):
                return
        elif not _implementation_round(mock, sitting, current):
            return


def _quiz_round(mock, sitting, current) -> bool:
    """Ask the unanswered questions against the clock; False when the learner stops."""
    from onsite.learn.answers import Unreadable
    from onsite.sessions.catalog import get_item

    while (item_id := mock.next_question(sitting)) is not None:
        deadline = time.monotonic() + current.remaining_s(_now())
        number = current.items.index(item_id) + 1
        given = _ask_question(get_item(item_id), number, len(current.items), deadline)
        if given is None:
            err.print("Paused; the round's clock keeps running. `onsite mock resume` goes on.")
            return False
        try:
            mock.answer_question(sitting, item_id, *given)
        except mock.MockError:
            err.print("[yellow]time is up for this round[/]")
            return True
        except Unreadable as exc:  # checked already; kept for answers the clock raced
            err.print(f"[yellow]{exc}[/]")
            continue
        console.print("[dim]recorded[/]")
        if current.closed:
            break
    return True


def _open_round(mock, sitting, current) -> bool:
    """Show the question, read the answer until a line with a lone '.', grade it."""
    from rich.markdown import Markdown

    from onsite.sessions.catalog import get_item

    item = get_item(current.items[0])
    console.print(Markdown(f"## {item.meta.title}\n\n{item.prompt}"))
    err.print(f"Type your answer; end it with a line holding only '{END_OF_ANSWER}' "
              "(or Ctrl-D).")
    lines: list[str] = []
    while True:
        try:
            line = input()
        except EOFError:
            break
        if line.strip() == END_OF_ANSWER:
            break
        lines.append(line)
    text = "\n".join(lines).strip()
    if not text:
        err.print("No answer given; the clock keeps running. `onsite mock resume` goes on.")
        return False
    try:
        grade = mock.answer_open(sitting, text)
    except ValueError as exc:
        err.print(f"[yellow]{exc}[/]")
        return False
    except mock.MockError as exc:
        err.print(f"[yellow]{exc}[/]")
        return True
    console.print(f"[dim]recorded ({len(text.split())} words, graded: "
                  f"{grade.level}); the full feedback is in the report[/]")
    return True


def _implementation_round(mock, sitting, current) -> bool:
    """Point at the workspace and count down; True when the round closes while watching."""
    path = mock.submission_path(sitting)
    console.print(f"Your workspace: [bold]{path.parent}[/]\n"
                  f"Edit [bold]{path.name}[/] in your editor and run [bold]onsite mock submit[/] "
                  "to judge it (as often as you like). `onsite mock next` ends the round early.")
    if not (sys.stdin.isatty() and console.is_terminal):
        return False
    return _countdown(mock, sitting)


def _countdown(mock, sitting) -> bool:
    """A live clock until the round closes (a passing submit, or time); Ctrl-C leaves it."""
    from rich.live import Live

    from onsite.cli import render

    round_id = sitting.current.id
    try:
        with Live(console=console, refresh_per_second=2, transient=True) as live:
            while True:
                fresh = mock.sync(mock.get(sitting.id))
                current = fresh.current
                if fresh.status != "running" or current is None or current.id != round_id:
                    sitting.rounds, sitting.status, sitting.report = \
                        fresh.rounds, fresh.status, fresh.report
                    return True
                live.update(f"[bold]{render.clock(current.remaining_s(_now()))}[/] left in "
                            f"{current.title} · Ctrl-C for your prompt (the clock keeps running)")
                time.sleep(0.5)
    except KeyboardInterrupt:
        err.print("The clock keeps running: `onsite mock resume` shows it again.")
        return False
