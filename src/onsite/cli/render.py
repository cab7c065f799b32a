"""Rich rendering of items, verdicts and statistics for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

STATUS_STYLE = {
    "pass": "bold green", "fail": "bold red", "error": "bold red", "timeout": "bold yellow",
    "memory": "bold yellow", "rejected": "bold magenta",
}
DIFFICULTY_STYLE = {"easy": "green", "medium": "yellow", "hard": "red"}


def _status_by_item(attempts) -> dict[str, str]:
    status: dict[str, str] = {}
    for a in attempts:
        if a.passed:
            status[a.item_id] = "solved"
        else:
            status.setdefault(a.item_id, "tried")
    return status


def item_table(console: Console, items, attempts) -> None:
    status = _status_by_item(attempts)
    wide = console.width >= 140
    table = Table(show_lines=False, header_style="bold")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True, min_width=12)
    table.add_column("kind", no_wrap=True)
    table.add_column("level", no_wrap=True)
    table.add_column("min", justify="right", no_wrap=True)
    if wide:
        table.add_column("topics", style="dim")
    table.add_column("status", no_wrap=True)
    for i in items:
        mark = {"solved": "[green]✓ solved[/]", "tried": "[yellow]… tried[/]"}.get(
            status.get(i.id, ""), "")
        row = [i.id, i.title, i.kind,
               Text(i.difficulty, style=DIFFICULTY_STYLE.get(i.difficulty, "")), str(i.minutes)]
        if wide:
            row.append(", ".join(i.topics))
        table.add_row(*row, mark)
    console.print(table)
    console.print(f"[dim]{len(items)} items[/]")


def prompt(console: Console, item) -> None:
    m = item.meta
    header = Text.assemble((m.title, "bold"), "  ", (m.id, "cyan"), "  ",
                           (m.difficulty, DIFFICULTY_STYLE.get(m.difficulty, "")),
                           f" · about {m.minutes} min · {', '.join(m.topics)}")
    console.print(header)
    console.print(Markdown(item.prompt))
    console.print(f"\n[dim]Start with [bold]onsite start {m.id}[/]; "
                  f"{len(item.hints)} hints with [bold]onsite hint {m.id}[/].[/]")


def verdict(console: Console, v) -> None:
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column("", width=2)
    table.add_column("case")
    table.add_column("ms", justify="right", style="dim")
    table.add_column("what happened", overflow="fold")
    marks = {"pass": "[green]✓[/]", "fail": "[red]✗[/]", "error": "[red]![/]"}
    previous = None
    for t in v.tests:
        # One import error fails every case the same way: say it once.
        message = "same as above" if t.message and t.message == previous else t.message
        previous = t.message or previous
        table.add_row(marks[t.status], t.name, f"{t.ms:.0f}",
                      Text(message, style="dim" if message == "same as above" else ""))
    parts = []
    if v.tests:
        parts.append(table)
    if v.message:
        parts.append(Text(v.message))
    if v.output:
        parts.append(Panel(Text(v.output), title="your output (first 4 KB)", border_style="dim"))
    status = v.status.upper()
    console.print(Panel(Group(*parts), title=Text(f"{status}  {v.item}",
                                                  style=STATUS_STYLE[v.status]),
                        subtitle=f"{v.ms:.0f} ms · {v.isolation or 'static check'}",
                        border_style=STATUS_STYLE[v.status].split()[-1]))
    if v.isolation == "rlimits-only":
        console.print("[yellow]warning: this machine gives no namespaces or seccomp; your code "
                      "ran with resource limits only (not isolated).[/]")
    if not v.passed:
        console.print(f"[dim]Stuck? [bold]onsite hint {v.item}[/]. "
                      f"After any attempt: [bold]onsite explain {v.item}[/].[/]")


def stats(console: Console, rows) -> None:
    if not rows:
        console.print("No attempts yet. `onsite list`, then `onsite start ID`.")
        return
    table = Table(header_style="bold")
    for col, justify in (("topic", "left"), ("attempts", "right"), ("pass rate", "right"),
                         ("solved", "right"), ("mean min / attempt", "right")):
        table.add_column(col, justify=justify)
    for r in rows:
        table.add_row(r.topic, str(r.attempts), f"{r.pass_rate:.0%}",
                      f"{len(r.items_solved)}/{len(r.items_tried)}", f"{r.mean_minutes:.1f}")
    console.print(table)


def home(console: Console, items, attempts) -> None:
    status = _status_by_item(attempts)
    solved = sum(1 for s in status.values() if s == "solved")
    tried = [a.item_id for a in reversed(attempts) if status.get(a.item_id) == "tried"]
    order = {"easy": 0, "medium": 1, "hard": 2}
    fresh = sorted((i for i in items if i.id not in status),
                   key=lambda i: (order.get(i.difficulty, 3), i.id))
    lines = [f"[bold]{len(items)}[/] items · [green]{solved} solved[/] · "
             f"{len(attempts)} attempts"]
    if tried:
        lines.append(f"Pick up where you left off: [bold cyan]onsite test {tried[0]}[/]")
    if fresh:
        nxt = fresh[0]
        lines.append(f"Next new item: [bold cyan]{nxt.id}[/] ({nxt.title}, {nxt.difficulty}, "
                     f"about {nxt.minutes} min) → [bold]onsite start {nxt.id}[/]")
    lines += [
        "",
        "[bold]onsite list[/]          every item, with your status",
        "[bold]onsite show ID[/]       read a task",
        "[bold]onsite start ID[/]      get a workspace; edit it in your own editor",
        "[bold]onsite test ID[/]       judge it (or [bold]onsite watch ID[/] to judge on save)",
        "[bold]onsite hint ID[/]       one hint at a time; [bold]onsite explain ID[/] after trying",
        "[bold]onsite stats[/]         attempts, pass rate and time per topic",
    ]
    console.print(Panel("\n".join(lines), title="[bold]onsite[/]", border_style="cyan"))
