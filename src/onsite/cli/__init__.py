"""The terminal interface. Holds no logic: each command is one call into sessions/.

Imports of torch, SQLAlchemy and the judge happen inside the commands, so
`onsite --help` stays instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    help="onsite: rehearse the AI Research Engineer interview loop, offline.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
pack_app = typer.Typer(help="Validate and inspect content packs.", no_args_is_help=True)
app.add_typer(pack_app, name="pack")

console = Console()
err = Console(stderr=True)

USAGE_ERROR = 2


def fail_usage(message: str) -> None:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(USAGE_ERROR)


def _item_or_exit(item_id: str):
    from onsite.sessions.catalog import UnknownItem, get_item

    try:
        return get_item(item_id)
    except UnknownItem as exc:
        fail_usage(str(exc))


@app.callback(invoke_without_command=True)
def home(ctx: typer.Context) -> None:
    """Without a command: where you stand and what to do next."""
    if ctx.invoked_subcommand is not None:
        return
    from onsite.cli import render
    from onsite.sessions import catalog, practice

    render.home(console, catalog.list_items(), practice.attempts())
    _mock_reminder()


def _mock_reminder() -> None:
    """A loop in progress is the first thing to come back to: its clock may be running."""
    from datetime import UTC, datetime

    from onsite.sessions import mock

    sitting = mock.active()
    if sitting is None:
        return
    mock.sync(sitting)
    current = sitting.current
    if current is None:
        return
    from onsite.cli.render import clock

    where = (f"{clock(current.remaining_s(datetime.now(UTC)))} left in {current.title}"
             if current.started else f"next: {current.title}")
    console.print(f"[bold magenta]A mock loop is in progress[/] ({sitting.loop.title}, {where}): "
                  "`onsite mock resume`")


@app.command("list")
def list_cmd(
    kind: Annotated[str | None, typer.Option(help="code, paper, debug, quiz, open, levels")] = None,
    topic: Annotated[str | None, typer.Option(help="a topic or family id")] = None,
    difficulty: Annotated[str | None, typer.Option(help="easy, medium or hard")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """List items, optionally filtered."""
    from onsite.cli import render
    from onsite.sessions.catalog import list_items

    items = list_items(kind, topic, difficulty)
    if as_json:
        print(json.dumps([i.to_dict() for i in items], indent=1))
        return
    from onsite.sessions.practice import attempts

    render.item_table(console, items, attempts())


@app.command()
def show(item_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Print an item's task."""
    from onsite.cli import render

    item = _item_or_exit(item_id)
    render.prompt(console, item)


@app.command()
def start(
    item_id: Annotated[str, typer.Argument(metavar="ID")],
    directory: Annotated[Path | None, typer.Option("--dir", help="where to create it")] = None,
) -> None:
    """Create your workspace for an item and print its path."""
    from onsite.sessions import practice

    _item_or_exit(item_id)
    folder = practice.start(item_id, directory)
    err.print(f"Workspace ready. Edit [bold]{folder / practice.SUBMISSION_FILE}[/], then "
              f"run [bold]onsite test {item_id}[/] (or [bold]onsite watch {item_id}[/]).")
    print(folder)


@app.command()
def judge(
    item_id: Annotated[str, typer.Argument(metavar="ID")],
    file: Annotated[Path, typer.Argument(metavar="FILE")],
    as_json: Annotated[bool, typer.Option("--json", help="print the verdict JSON")] = False,
) -> None:
    """Judge FILE against the item's hidden cases (exit 0 on pass, 1 otherwise)."""
    from onsite.sessions import practice

    item = _item_or_exit(item_id)
    if not file.is_file():
        fail_usage(f"{file}: no such file")
    _report(item, practice.judge_file(item_id, file), as_json)


@app.command()
def test(
    item_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="print the verdict JSON")] = False,
) -> None:
    """Judge your workspace copy of an item."""
    from onsite.sessions import practice

    item = _item_or_exit(item_id)
    try:
        path = practice.workspace_file(item_id)
    except practice.MissingSubmission as exc:
        fail_usage(str(exc))
    if not path.is_file():
        fail_usage(f"{path}: no such file (run `onsite start {item_id}` again to recreate it)")
    _report(item, practice.judge_file(item_id, path), as_json)


def _report(item, verdict, as_json: bool) -> None:
    from onsite.cli import render

    if as_json:
        print(json.dumps(verdict.to_dict(), indent=1))
    else:
        render.verdict(console, verdict)
        if verdict.passed and item.rubric is not None:
            console.print(f"Passed. Now the follow-up question: [bold]onsite followup {item.id}[/]")
    raise typer.Exit(0 if verdict.passed else 1)


@app.command()
def watch(item_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Re-judge your workspace copy on every save (Ctrl-C to stop)."""
    from onsite.cli import render
    from onsite.sessions import practice

    _item_or_exit(item_id)
    try:
        path = practice.workspace_file(item_id)
    except practice.MissingSubmission as exc:
        fail_usage(str(exc))
    err.print(f"Watching [bold]{path}[/]; save to judge, Ctrl-C to stop.")

    def show_verdict(v) -> None:
        console.rule()
        render.verdict(console, v)

    try:
        practice.watch(item_id, show_verdict, should_stop=lambda: False)
    except KeyboardInterrupt:
        err.print("stopped")


@app.command()
def hint(item_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Reveal the next hint (recorded: hints lower the review rating)."""
    from rich.markdown import Markdown

    from onsite.sessions import practice

    _item_or_exit(item_id)
    revealed = practice.next_hint(item_id)
    if revealed is None:
        shown = practice.revealed_hints(item_id)
        err.print(f"All {len(shown)} hints are shown; here is the last. "
                  f"`onsite explain {item_id}` after an attempt.")
        if shown:
            console.print(Markdown(shown[-1]))
        return
    console.print(f"[dim]hint {revealed.index} of {revealed.total}[/]")
    console.print(Markdown(revealed.text))


@app.command()
def explain(item_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Show the worked explanation (after your first attempt)."""
    from rich.markdown import Markdown

    from onsite.sessions import practice

    _item_or_exit(item_id)
    try:
        console.print(Markdown(practice.explanation(item_id)))
    except practice.NoAttemptYet as exc:
        fail_usage(str(exc))


@app.command()
def followup(
    item_id: Annotated[str, typer.Argument(metavar="ID")],
    answer_file: Annotated[Path | None, typer.Option(
        "--answer-file", help="your answer as text or Markdown; '-' reads standard input")] = None,
) -> None:
    """A paper item's follow-up question: show it, or save your answer to it."""
    from onsite.cli import render
    from onsite.sessions import written

    _item_or_exit(item_id)
    try:
        rubric = written.followup(item_id)
    except written.NotAnswerable as exc:
        fail_usage(str(exc))
    if answer_file is None:
        render.followup(console, item_id, rubric, written.answers(item_id))
        return
    text = _read_answer(answer_file)
    try:
        written.save_answer(item_id, text)
    except ValueError as exc:
        fail_usage(str(exc))
    err.print("Saved. It will be scored against the rubric; compare it with the model answer now:")
    render.model_answer(console, rubric)


@app.command()
def grade(
    item_id: Annotated[str, typer.Argument(metavar="ID")],
    answer_file: Annotated[Path | None, typer.Option(
        "--answer-file", help="your answer as text or Markdown; '-' reads standard input")] = None,
    self_rating: Annotated[str | None, typer.Option(
        "--self", help="the rubric points you believe you made, comma-separated ids")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Grade a written answer (open question or paper follow-up) against its rubric."""
    from rich.markdown import Markdown

    from onsite.cli import render
    from onsite.grade.embed import GraderUnavailable
    from onsite.sessions import written

    item = _item_or_exit(item_id)
    try:
        rubric = written.question_for(item_id)
    except written.NotAnswerable as exc:
        fail_usage(str(exc))
    if answer_file is None:
        console.print(Markdown(item.prompt) if item.meta.kind == "open" else rubric.question)
        console.print(f"[dim]Write your answer in a file, then [bold]onsite grade {item_id} "
                      "--answer-file FILE[/] (or '-' for standard input).[/]")
        return
    covered = {p.strip() for p in self_rating.split(",") if p.strip()} if self_rating else None
    try:
        with console.status("grading (the first grade loads the embedding model)"):
            result = written.grade_answer(item_id, _read_answer(answer_file), covered)
    except ValueError as exc:
        fail_usage(str(exc))
    except GraderUnavailable as exc:
        err.print(f"[red]{exc}[/] (your answer was saved)")
        raise typer.Exit(1) from exc
    if as_json:
        print(json.dumps(result.to_dict(), indent=1))
        return
    render.rubric_grade(console, rubric, result)


def _read_answer(answer_file: Path) -> str:
    """The text of an answer file, or of standard input for '-'."""
    if str(answer_file) == "-":
        return sys.stdin.read()
    if not answer_file.is_file():
        fail_usage(f"{answer_file}: no such file")
    return answer_file.read_text()


def _ask(prompt_text: str) -> str | None:
    """One line from the learner; None at end of input or when they type q."""
    try:
        line = input(prompt_text)
    except EOFError:
        return None
    return None if line.strip().lower() in ("q", "quit", "exit") else line


def _ask_question(item, number: int, total: int | None, deadline: float | None = None):
    """Show a question and read an answer until it is readable; (text, seconds) or None."""
    import time

    from onsite.cli import render
    from onsite.learn.answers import Unreadable, check

    render.quiz_question(console, item, number, total,
                         None if deadline is None else deadline - time.monotonic())
    start = time.monotonic()
    while True:
        line = _ask("answer> ")
        if line is None:
            return None
        try:
            check(item.quiz, line)
        except Unreadable as exc:
            err.print(f"[yellow]{exc}[/] (q to stop; your answers so far are saved)")
            continue
        return line, time.monotonic() - start


@app.command()
def quiz(
    topic: Annotated[str | None, typer.Option(help="a topic id (see docs/topics.md)")] = None,
    count: Annotated[int, typer.Option(help="practice: how many questions")] = 10,
    adaptive: Annotated[bool, typer.Option(help="an adaptive test that estimates your ability")] = False,
    rapid: Annotated[bool, typer.Option(help="rapid-fire: timed, one at a time, no going back")] = False,
    minutes: Annotated[float, typer.Option(help="rapid-fire: length of the round")] = 10.0,
    resume: Annotated[str | None, typer.Option(help="adaptive: continue the test with this id")] = None,
    seed: Annotated[int | None, typer.Option(help="practice/rapid: fix the question order")] = None,
) -> None:
    """Answer quiz questions: practice (default), --adaptive or --rapid. Type q to stop."""
    from onsite.sessions import quiz as quizzes

    if adaptive and rapid:
        fail_usage("choose --adaptive or --rapid, not both")
    try:
        if adaptive:
            _adaptive(quizzes, topic, resume)
        elif rapid:
            _rapid(quizzes, topic, minutes, seed)
        else:
            _practice(quizzes, topic, count, seed)
    except quizzes.NoQuestions as exc:
        fail_usage(str(exc))


def _practice(quizzes, topic: str | None, count: int, seed: int | None) -> None:
    from onsite.cli import render

    items = quizzes.practice_items(topic, count, seed=seed)
    outcomes = []
    for n, item in enumerate(items, 1):
        given = _ask_question(item, n, len(items))
        if given is None:
            break
        outcomes.append(quizzes.answer(item.id, *given))
        render.quiz_outcome(console, item, outcomes[-1])
    right = sum(o.correct for o in outcomes)
    console.print(f"[bold]{right}/{len(outcomes)}[/] right. Each question comes back in "
                  "`onsite review` when it is due.")


def _adaptive(quizzes, topic: str | None, resume: str | None) -> None:
    from onsite.cli import render
    from onsite.sessions.catalog import get_item

    if topic is None:
        topic = quizzes.least_known_topic()
        err.print(f"Testing [bold]{topic}[/], the topic onsite knows least about you.")
    status = quizzes.adaptive(topic, resume)
    err.print(f"[dim]test id {status.session_id} (continue later with "
              f"`onsite quiz --adaptive --topic {topic} --resume {status.session_id}`)[/]")
    while (item_id := status.next_item) is not None:
        item = get_item(item_id)
        given = _ask_question(item, status.asked + 1, None)
        if given is None:
            break
        outcome = quizzes.adaptive_answer(status, item_id, *given)
        render.quiz_outcome(console, item, outcome)
        render.ability_line(console, topic, status.test.theta, status.test.se, status.asked)
    render.ability_result(console, topic, status.test.theta, status.test.se, status.asked,
                          status.test.finished)


def _rapid(quizzes, topic: str | None, minutes: float, seed: int | None) -> None:
    import time

    from onsite.cli import render
    from onsite.store.models import new_id

    items = quizzes.rapid_items(seed, topics=[topic] if topic else None)
    if not items:
        raise quizzes.NoQuestions("no short questions for a rapid-fire round")
    round_id = new_id()
    deadline = time.monotonic() + minutes * 60
    results = []
    for n, item in enumerate(items, 1):
        if time.monotonic() >= deadline:
            break
        given = _ask_question(item, n, None, deadline)
        if given is None:
            break
        late = time.monotonic() > deadline
        outcome = quizzes.answer(item.id, *given, mode="rapid", session_id=round_id)
        results.append((item, outcome, given[1], late))
        console.print("[green]✓[/]" if outcome.correct else "[red]✗[/]")
    render.rapid_report(console, results)


@app.command("review")
def review_cmd() -> None:
    """Walk today's due reviews: quiz questions here, code items by name (q to stop)."""
    from onsite.cli import render
    from onsite.sessions import quiz as quizzes
    from onsite.sessions import review
    from onsite.sessions.catalog import get_item

    due = review.due_summary()["today"]
    if not due:
        console.print("Nothing is due today. `onsite due` shows the week ahead.")
        return
    to_judge = [d for d in due if d.kind != "quiz"]
    asked = [d for d in due if d.kind == "quiz"]
    for n, d in enumerate(asked, 1):
        item = get_item(d.item_id)
        given = _ask_question(item, n, len(asked))
        if given is None:
            break
        render.quiz_outcome(console, item, quizzes.answer(item.id, *given, mode="review"))
    render.judge_reviews(console, to_judge)


@app.command()
def due(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """What is due for review today and over the next seven days."""
    from onsite.cli import render
    from onsite.sessions import review

    summary = review.due_summary()
    if as_json:
        print(json.dumps({k: [{"id": d.item_id, "kind": d.kind, "due": d.due.isoformat()}
                              for d in v] for k, v in summary.items()}, indent=1))
        return
    render.due(console, summary)


@app.command()
def daily(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Today's challenge: due reviews, a new item on your weakest topic, a stretch item."""
    from onsite.cli import render
    from onsite.sessions import quiz as quizzes
    from onsite.sessions.catalog import get_item
    from onsite.sessions.daily import daily as today

    challenge = today()
    if as_json:
        print(json.dumps({"day": challenge.day.isoformat(), "reviews": challenge.reviews,
                          "new": challenge.new, "stretch": challenge.stretch,
                          "done": sorted(challenge.done), "streak": challenge.streak}, indent=1))
        return
    render.daily(console, challenge)
    open_quiz = [i for i in challenge.item_ids
                 if i not in challenge.done and get_item(i).meta.kind == "quiz"]
    for n, item_id in enumerate(open_quiz, 1):
        item = get_item(item_id)
        given = _ask_question(item, n, len(open_quiz))
        if given is None:
            return
        render.quiz_outcome(console, item, quizzes.answer(item_id, *given, mode="daily"))
    if open_quiz:
        render.daily(console, today())


@app.command()
def assess(
    assessment: Annotated[str | None, typer.Argument(
        metavar="ID", help="re-skills, rs-quick or rs-checklist")] = None,
    answers_file: Annotated[Path | None, typer.Option(
        "--answers", help="a JSON object of answers instead of the questions")] = None,
) -> None:
    """Rate yourself (re-takeable, dated) and see it beside what onsite has measured."""
    from onsite.cli import render
    from onsite.learn.readiness import score
    from onsite.sessions import assess as assessments

    if assessment is None:
        render.assessments(console, assessments.specs(), assessments.history())
        return
    try:
        spec = assessments.get_spec(assessment)
    except KeyError as exc:
        fail_usage(str(exc.args[0]))
    if answers_file is not None:
        try:
            given = json.loads(answers_file.read_text())
        except (OSError, json.JSONDecodeError) as exc:
            fail_usage(f"{answers_file}: not a JSON object of answers ({exc})")
    else:
        given = _ask_assessment(spec)
        if given is None:
            err.print("stopped; nothing was saved")
            raise typer.Exit(1)
    try:
        score(spec, given)
    except ValueError as exc:
        fail_usage(str(exc))
    result = assessments.save(spec.id, given)
    render.assessment_result(console, spec, result, assessments.compare(spec, given))


def _ask_assessment(spec) -> dict | None:
    from onsite.cli import render

    console.print(f"[bold]{spec.title}[/]\n{spec.intro}")
    answers: dict = {}
    for n, q in enumerate(spec.questions, 1):
        render.assessment_question(console, spec, q, n)
        while True:
            line = _ask("1-5> " if spec.scale == "rating" else "y/n> ")
            if line is None:
                return None
            text = line.strip().lower()
            if spec.scale == "rating" and text in ("1", "2", "3", "4", "5"):
                answers[q.id] = int(text)
                break
            if spec.scale == "yes-no" and text in ("y", "yes", "n", "no"):
                answers[q.id] = text.startswith("y")
                break
            err.print("answer 1 to 5" if spec.scale == "rating" else "answer y or n")
    return answers


@app.command()
def plan(
    target: Annotated[str | None, typer.Option(help="re or rs: make a new plan for this role")] = None,
    company: Annotated[str, typer.Option(help="openai, anthropic, deepmind or any")] = "any",
    hours_per_week: Annotated[float, typer.Option(help="hours you can give each week")] = 10.0,
    start: Annotated[str | None, typer.Option(help="first day, YYYY-MM-DD (default: next Monday)")] = None,
    replan: Annotated[bool, typer.Option(help="re-fill the weeks from now on from new evidence")] = False,
    markdown: Annotated[Path | None, typer.Option(help="also write the plan as Markdown")] = None,
    ics: Annotated[Path | None, typer.Option(help="also write the plan as an iCalendar file")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """A 12-week plan in the syllabus's phases, filled from the bank, weighted to your gaps."""
    from datetime import date, timedelta

    from onsite.cli import render
    from onsite.sessions import plan as plans

    try:
        if target is not None:
            first = date.fromisoformat(start) if start else (
                date.today() + timedelta(days=(7 - date.today().weekday()) % 7 or 7))
            current = plans.create(target, company, hours_per_week, first)
        elif replan:
            current = plans.replan()
        else:
            current = plans.current()
    except plans.NoPlan as exc:
        fail_usage(str(exc))
    except ValueError as exc:
        fail_usage(str(exc))
    if markdown:
        markdown.write_text(plans.to_markdown(current))
        err.print(f"wrote {markdown}")
    if ics:
        ics.write_bytes(plans.to_ics(current))
        err.print(f"wrote {ics}")
    if as_json:
        print(json.dumps({"params": current.params, "weeks": current.weeks}, indent=1))
        return
    render.plan(console, current, plans.week_number(current, date.today()), plans.done_items())


@app.command()
def calibrate() -> None:
    """Re-fit quiz items' difficulty from everyone's stored answers (needs many answers)."""
    from onsite.sessions import quiz as quizzes

    console.print(quizzes.calibrate())


@app.command()
def bugs(
    item_id: Annotated[str, typer.Argument(metavar="ID")],
    answer_file: Annotated[Path | None, typer.Option(
        "--answer-file", help="'LINE CLASS' per line; '-' reads standard input")] = None,
) -> None:
    """After a debug item passes: name the bugs you fixed (line and class); scored apart."""
    from onsite.cli import render
    from onsite.packs.taxonomy import load_taxonomy
    from onsite.sessions import debugging

    item = _item_or_exit(item_id)
    if answer_file is None:
        render.bug_form(console, item, load_taxonomy().bug_classes)
        text = "\n".join(iter(lambda: _ask("bug> ") or "", ""))
    else:
        text = _read_answer(answer_file)
    try:
        result = debugging.name_bugs(item_id, text)
    except (debugging.NotYet, ValueError) as exc:
        fail_usage(str(exc))
    render.bug_score(console, result)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Attempts, pass rate and time per topic, and your measured ability per topic."""
    from onsite.cli import render
    from onsite.sessions import practice
    from onsite.sessions.quiz import abilities

    rows = practice.stats()
    measured = abilities()
    if as_json:
        out = {r.topic: {"topic": r.topic, "attempts": r.attempts, "passed": r.passed,
                         "pass_rate": r.pass_rate, "mean_minutes": r.mean_minutes,
                         "items_tried": len(r.items_tried),
                         "items_solved": len(r.items_solved)} for r in rows}
        for topic, a in measured.items():
            out.setdefault(topic, {"topic": topic}).update(
                {"ability": round(a.theta, 3), "ability_se": round(a.se, 3),
                 "ability_items": a.items})
        print(json.dumps(sorted(out.values(), key=lambda r: r["topic"]), indent=1))
        return
    render.stats(console, rows)
    render.abilities(console, measured)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8123,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="do not open a browser")] = False,
) -> None:
    """The web app: every flow in the browser, on this machine (Ctrl-C to stop)."""
    from onsite.web.server import serve as run_server

    run_server(host=host, port=port, open_browser=not no_browser)


@app.command("export")
def export_cmd(file: Annotated[Path, typer.Argument(metavar="FILE")]) -> None:
    """Write your whole history to a JSON file."""
    from onsite.sessions import practice

    counts = practice.export_history(file)
    err.print(f"exported {counts['attempts']} attempts, {counts['hint_reveals']} hints, "
              f"{counts['workspaces']} workspaces and {counts['written_answers']} written answers "
              f"to {file}")


@app.command("import")
def import_cmd(file: Annotated[Path, typer.Argument(metavar="FILE")]) -> None:
    """Merge a history exported with `onsite export` (nothing is duplicated)."""
    from onsite.sessions import practice

    if not file.is_file():
        fail_usage(f"{file}: no such file")
    try:
        counts = practice.import_history(file)
    except ValueError as exc:
        fail_usage(str(exc))
    err.print(f"imported {counts['attempts']} attempts, {counts['hint_reveals']} hints, "
              f"{counts['workspaces']} workspaces and {counts['written_answers']} written answers")


@pack_app.command("stats")
def pack_stats_cmd(
    path: Annotated[Path | None, typer.Argument(help="pack folder (default: built-in)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Count items per kind, difficulty, family and topic; name the coverage gaps."""
    from onsite.cli import render
    from onsite.packs.loader import BUILTIN_PACK, load_pack
    from onsite.packs.stats import pack_stats

    target = path or BUILTIN_PACK
    if not (target / "pack.yaml").exists():
        fail_usage(f"{target}: not a pack (no pack.yaml)")
    stats = pack_stats(load_pack(target).items.values())
    if as_json:
        print(json.dumps(stats.to_dict(), indent=1))
        return
    render.pack_stats(console, stats)


@pack_app.command("check")
def pack_check(
    path: Annotated[Path | None, typer.Argument(help="pack folder (default: built-in)")] = None,
    only: Annotated[str | None, typer.Option(help="only items whose id starts with this")] = None,
    quick: Annotated[bool, typer.Option(help="schema and files only, no judging")] = False,
    thorough: Annotated[bool, typer.Option(help="judge debug items on every seed, not one")] = False,
) -> None:
    """Validate a pack: schemas, taxonomy, and that every verdict can be trusted."""
    from onsite.packs.check import check_pack
    from onsite.packs.loader import BUILTIN_PACK
    from onsite.sessions.practice import make_runner

    target = path or BUILTIN_PACK
    if not (target / "pack.yaml").exists():
        fail_usage(f"{target}: not a pack (no pack.yaml)")
    runner = None if quick else make_runner()
    checked: list[str] = []

    def progress(item_id: str) -> None:
        checked.append(item_id)
        status.update(f"checking {item_id}")

    try:
        with console.status("checking") as status:
            problems = check_pack(target, runner, judge=not quick, only=only, thorough=thorough,
                                  progress=progress)
    finally:
        if runner is not None:
            runner.close()
    for problem in problems:
        print(problem)
    if problems:
        err.print(f"[red]{len(problems)} problem(s)[/]")
        raise typer.Exit(1)
    if only and not checked:
        fail_usage(f"--only {only}: no item's id starts with this")
    err.print(f"[green]clean[/] ({len(checked)} item{'' if len(checked) == 1 else 's'})")


# Registered last: the mock commands use the console and the prompts defined above.
from onsite.cli.mock import mock_app  # noqa: E402

app.add_typer(mock_app, name="mock")


def main() -> None:
    from onsite.packs.loader import PackError

    try:
        app()
    except PackError as exc:
        for problem in exc.problems:
            err.print(str(problem), markup=False, highlight=False)
        sys.exit(USAGE_ERROR)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no stack traces
        sys.exit(_internal_error(exc))


def _internal_error(exc: Exception) -> int:
    """Say what went wrong in one line; keep the traceback in a log file."""
    import traceback

    from onsite import config
    from onsite.judge.verifier import ReferenceBroken

    log = config.data_dir() / "last-error.log"
    log.write_text("".join(traceback.format_exception(exc)))
    if isinstance(exc, ReferenceBroken):
        err.print(f"[bold red]error:[/] {exc}\n(this is a bug in the content pack, not in your "
                  f"code; details in {log})", markup=True, highlight=False)
    else:
        err.print(f"[bold red]internal error:[/] {type(exc).__name__}: {exc}\n"
                  f"Your work is saved. Details in {log}.", highlight=False)
    return 1
