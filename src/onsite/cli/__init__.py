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

    _item_or_exit(item_id)
    if not file.is_file():
        fail_usage(f"{file}: no such file")
    _report(practice.judge_file(item_id, file), as_json)


@app.command()
def test(
    item_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="print the verdict JSON")] = False,
) -> None:
    """Judge your workspace copy of an item."""
    from onsite.sessions import practice

    _item_or_exit(item_id)
    try:
        path = practice.workspace_file(item_id)
    except practice.MissingSubmission as exc:
        fail_usage(str(exc))
    if not path.is_file():
        fail_usage(f"{path}: no such file (run `onsite start {item_id}` again to recreate it)")
    _report(practice.judge_file(item_id, path), as_json)


def _report(verdict, as_json: bool) -> None:
    from onsite.cli import render

    if as_json:
        print(json.dumps(verdict.to_dict(), indent=1))
    else:
        render.verdict(console, verdict)
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
def stats(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Attempts, pass rate and time per topic."""
    from onsite.cli import render
    from onsite.sessions import practice

    rows = practice.stats()
    if as_json:
        print(json.dumps([{"topic": r.topic, "attempts": r.attempts, "passed": r.passed,
                           "pass_rate": r.pass_rate, "mean_minutes": r.mean_minutes,
                           "items_tried": len(r.items_tried),
                           "items_solved": len(r.items_solved)} for r in rows], indent=1))
        return
    render.stats(console, rows)


@app.command("export")
def export_cmd(file: Annotated[Path, typer.Argument(metavar="FILE")]) -> None:
    """Write your whole history to a JSON file."""
    from onsite.sessions import practice

    counts = practice.export_history(file)
    err.print(f"exported {counts['attempts']} attempts, {counts['hint_reveals']} hints and "
              f"{counts['workspaces']} workspaces to {file}")


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
    err.print(f"imported {counts['attempts']} attempts, {counts['hint_reveals']} hints and "
              f"{counts['workspaces']} workspaces")


@pack_app.command("check")
def pack_check(
    path: Annotated[Path | None, typer.Argument(help="pack folder (default: built-in)")] = None,
    only: Annotated[str | None, typer.Option(help="only items whose id starts with this")] = None,
    quick: Annotated[bool, typer.Option(help="schema and files only, no judging")] = False,
) -> None:
    """Validate a pack: schemas, taxonomy, and that every verdict can be trusted."""
    from onsite.packs.check import check_pack
    from onsite.packs.loader import BUILTIN_PACK
    from onsite.sessions.practice import make_runner

    target = path or BUILTIN_PACK
    if not (target / "pack.yaml").exists():
        fail_usage(f"{target}: not a pack (no pack.yaml)")
    runner = None if quick else make_runner()
    try:
        with console.status("checking") as status:
            problems = check_pack(target, runner, judge=not quick, only=only,
                                  progress=lambda i: status.update(f"checking {i}"))
    finally:
        if runner is not None:
            runner.close()
    for problem in problems:
        print(problem)
    if problems:
        err.print(f"[red]{len(problems)} problem(s)[/]")
        raise typer.Exit(1)
    err.print("[green]clean[/]")


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
