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
    if v.curve:
        parts.append(Panel(Text(curve(v.curve)), title="training loss per epoch",
                           border_style="dim"))
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


def followup(console: Console, item_id: str, rubric, previous) -> None:
    console.print(Panel(Markdown(rubric.question), title="[bold]follow-up[/]", border_style="cyan"))
    for answer in previous:
        console.print(f"[dim]your answer of {answer.created_at:%Y-%m-%d %H:%M}:[/]")
        console.print(Markdown(answer.answer))
    console.print(f"[dim]Write your answer in a file, then [bold]onsite followup {item_id} "
                  f"--answer-file FILE[/] (or '-' for standard input).[/]")


def model_answer(console: Console, rubric) -> None:
    table = Table(header_style="bold", title="what a strong answer covers")
    table.add_column("weight", justify="right")
    table.add_column("key point", overflow="fold")
    for point in rubric.points:
        table.add_row(f"{point.weight:.0%}", point.text)
    console.print(table)
    console.print(Panel(Markdown(rubric.model_answer), title="model answer", border_style="dim"))


def rubric_grade(console: Console, rubric, result) -> None:
    colour = {"strong": "green", "lean": "yellow", "no": "red"}[result.level]
    label = {"strong": "Strong Hire", "lean": "Lean Hire", "no": "No Hire"}[result.level]
    line = f"score [bold]{result.score:.0%}[/] · [bold {colour}]{label}[/]"
    if result.self_score is not None:
        line += f" · your own rating {result.self_score:.0%}"
    console.print(line)
    if result.doubt_note:
        console.print(f"[magenta]{result.doubt_note}[/]")
    table = Table(header_style="bold", title="key points")
    table.add_column("", width=1)
    table.add_column("weight", justify="right")
    table.add_column("point", overflow="fold", ratio=2)
    table.add_column("your sentence that makes it", overflow="fold", ratio=2)
    for point, graded in zip(rubric.points, result.points, strict=True):
        mark = "[green]✓[/]" if graded.covered else "[red]✗[/]"
        evidence = graded.evidence if graded.covered else "[dim]missing[/]"
        table.add_row(mark, f"{point.weight:.0%}", point.text, evidence)
    console.print(table)
    if result.ignored:
        console.print("[dim]not counted: " + "; ".join(
            f"\"{u['text'][:60]}\" ({u['why']})" for u in result.ignored[:5]) + "[/]")
    console.print(Panel(Markdown(rubric.model_answer), title="model answer", border_style="dim"))
    if rubric.pitfalls:
        console.print("[bold]common pitfalls[/]")
        for pitfall in rubric.pitfalls:
            console.print(f"  · {pitfall}")


def pack_stats(console: Console, stats) -> None:
    from onsite.packs.stats import DIFFICULTIES, TARGET_MIX

    kinds = Table(header_style="bold", title="items per kind and difficulty")
    kinds.add_column("kind")
    for d in (*DIFFICULTIES, "total"):
        kinds.add_column(d, justify="right")
    for kind in sorted(stats.kinds):
        kinds.add_row(kind, *(str(stats.difficulty[(kind, d)]) for d in DIFFICULTIES),
                      str(stats.kinds[kind]))
    console.print(kinds)
    mix = stats.implementation_mix()
    console.print("implementation mix: " + " · ".join(
        f"{d} {mix[d]:.0%} (target {TARGET_MIX[d]:.0%})" for d in DIFFICULTIES))
    families = Table(header_style="bold", title="code and paper items per family")
    families.add_column("family")
    for d in (*DIFFICULTIES, "total"):
        families.add_column(d, justify="right")
    for family, counts in sorted(stats.families.items()):
        families.add_row(family, *(str(counts[d]) for d in DIFFICULTIES), str(sum(counts.values())))
    console.print(families)
    topics = Table(header_style="bold", title="items per topic")
    topics.add_column("topic")
    kinds_seen = sorted(stats.kinds)
    for kind in kinds_seen:
        topics.add_column(kind, justify="right")
    for topic, counts in sorted(stats.topics.items()):
        topics.add_row(topic, *(str(counts[k]) if counts[k] else "" for k in kinds_seen))
    console.print(topics)
    for gap in stats.gaps():
        console.print(f"[yellow]gap:[/] {gap}")


def quiz_question(console: Console, item, number: int, total: int | None,
                  seconds_left: float | None = None) -> None:
    from onsite.packs.models import LETTERS

    q = item.quiz
    lines = [Markdown(q.question)]
    for letter, choice in zip(LETTERS, q.choices, strict=False):
        lines.append(Text.assemble((f"  {letter}) ", "bold"), choice))
    how = {"single": "one letter", "multiple": "letters, e.g. A,C", "exact": "a word or phrase",
           "numeric": f"a number{' in ' + q.unit if q.unit else ''}"}[q.type]
    lines.append(Text(f"answer with {how}", style="dim"))
    where = f"{number}/{total}" if total else f"question {number}"
    clock = ""
    if seconds_left is not None:
        left = max(0, int(seconds_left))
        clock = f" · {left // 60}:{left % 60:02d} left"
    console.print(Panel(Group(*lines), title=f"{where} · {', '.join(item.meta.topics)}{clock}",
                        title_align="left", border_style="cyan"))


def quiz_outcome(console: Console, item, outcome) -> None:
    mark = "[bold green]✓ right[/]" if outcome.correct else "[bold red]✗ wrong[/]"
    console.print(f"{mark} · answer: {outcome.expected}")
    console.print(Markdown(item.quiz.explanation), style="dim")


def _ability_words(theta: float) -> str:
    if theta < -1:
        return "foundations first"
    if theta < 0:
        return "developing"
    if theta < 1:
        return "solid"
    return "strong"


def ability_line(console: Console, topic: str, theta: float, se: float, asked: int) -> None:
    console.print(f"[dim]{topic}: ability {theta:+.2f} ± {se:.2f} after {asked}[/]")


def ability_result(console: Console, topic: str, theta: float, se: float, asked: int,
                   finished: bool) -> None:
    if asked == 0:
        console.print("No answers yet; nothing estimated.")
        return
    state = "done" if finished else "paused (resume it with the id above)"
    console.print(Panel(
        f"[bold]{topic}[/]: ability [bold]{theta:+.2f}[/] ± {se:.2f} ({_ability_words(theta)}) "
        f"from {asked} questions; test {state}.\n[dim]0 is the level of a medium question; "
        "each unit is a step of difficulty. `onsite stats` shows every topic.[/]",
        border_style="cyan"))


def rapid_report(console: Console, results) -> None:
    if not results:
        console.print("No answers.")
        return
    right = sum(o.correct for _, o, _, _ in results)
    mean = sum(s for _, _, s, _ in results) / len(results)
    console.print(f"[bold]{right}/{len(results)}[/] right · {mean:.1f} s per question")
    table = Table(header_style="bold")
    for col in ("", "question", "s", "answer"):
        table.add_column(col, overflow="fold")
    for item, outcome, seconds, late in results:
        mark = "[green]✓[/]" if outcome.correct else "[red]✗[/]"
        table.add_row(mark, item.meta.title, f"{seconds:.0f}{' (late)' if late else ''}",
                      "" if outcome.correct else outcome.expected)
    console.print(table)


RATING_WORDS = {1: "again", 2: "hard", 3: "good", 4: "easy"}


def judge_reviews(console: Console, due) -> None:
    if not due:
        return
    console.print(f"[bold]{len(due)}[/] item(s) to solve again (judge each as usual):")
    for d in due:
        console.print(f"  [cyan]{d.item_id}[/] ({d.kind}) → [bold]onsite start {d.item_id}[/], "
                      f"then [bold]onsite test {d.item_id}[/]")


def due(console: Console, summary) -> None:
    for label, rows in (("today", summary["today"]), ("next 7 days", summary["week"])):
        if not rows:
            console.print(f"Nothing due {label}.")
            continue
        table = Table(header_style="bold", title=f"due {label}: {len(rows)}")
        for col in ("id", "kind", "due", "last"):
            table.add_column(col)
        for d in rows:
            table.add_row(d.item_id, d.kind, f"{d.due.astimezone():%a %d %b %H:%M}",
                          RATING_WORDS.get(d.last_rating, ""))
        console.print(table)
    if summary["today"]:
        console.print("Start with [bold]onsite review[/].")


def daily(console: Console, challenge) -> None:
    def row(label: str, item_id: str | None) -> str:
        if item_id is None:
            return f"  {label}: [dim]none today[/]"
        mark = "[green]✓[/]" if item_id in challenge.done else "·"
        return f"  {mark} {label}: [cyan]{item_id}[/]"

    lines = [f"[bold]Daily challenge, {challenge.day:%A %d %B}[/] · streak "
             f"[bold]{challenge.streak}[/] day(s)"]
    lines += [row("review", i) for i in challenge.reviews] or ["  [dim]no reviews due[/]"]
    lines += [row("new, weakest topic", challenge.new), row("stretch", challenge.stretch)]
    if challenge.complete:
        lines.append("[green]Done for today.[/]")
    else:
        lines.append("[dim]Code items: onsite start ID, then onsite test ID. Quiz items are "
                     "asked below.[/]")
    console.print(Panel("\n".join(lines), border_style="cyan"))


def abilities(console: Console, measured) -> None:
    if not measured:
        console.print("[dim]No ability measured yet: `onsite quiz --adaptive`.[/]")
        return
    table = Table(header_style="bold", title="ability per topic (adaptive tests)")
    for col, justify in (("topic", "left"), ("ability", "right"), ("± se", "right"),
                         ("questions", "right"), ("", "left"), ("measured", "left")):
        table.add_column(col, justify=justify)
    for topic, a in sorted(measured.items()):
        table.add_row(topic, f"{a.theta:+.2f}", f"{a.se:.2f}", str(a.items),
                      _ability_words(a.theta), f"{a.created_at:%Y-%m-%d}")
    console.print(table)


def assessments(console: Console, specs, history) -> None:
    latest = {r.assessment_id: r for r in history}
    table = Table(header_style="bold", title="self-assessments")
    for col in ("id", "title", "questions", "last taken", "score", "band"):
        table.add_column(col)
    for spec in specs.values():
        r = latest.get(spec.id)
        table.add_row(spec.id, spec.title, str(len(spec.questions)),
                      f"{r.created_at:%Y-%m-%d}" if r else "never",
                      f"{r.score}/{spec.max_score}" if r else "", (r.band or "") if r else "")
    console.print(table)
    console.print("Take one with [bold]onsite assess ID[/]; re-take any time to see progress.")


def assessment_question(console: Console, spec, q, n: int) -> None:
    console.print(f"\n[dim]{n}/{len(spec.questions)} · {q.group}[/]\n[bold]{q.text}[/]")
    for level, words in sorted(q.anchors.items()):
        console.print(f"  [dim]{level}: {words}[/]")


def assessment_result(console: Console, spec, result, rows) -> None:
    band = next((b for b in spec.bands if b.label == result.band), None)
    head = f"[bold]{spec.title}[/]: {result.score}/{spec.max_score}"
    if band:
        head += f" · [bold]{band.label}[/]\n{band.advice}"
    console.print(Panel(head, border_style="cyan"))
    table = Table(header_style="bold", title="your rating beside the evidence")
    for col in ("statement", "you", "measured", "based on", ""):
        table.add_column(col, overflow="fold")
    for r in rows:
        you = ("yes" if r.rating else "no") if isinstance(r.rating, bool) else str(r.rating)
        level = f"{r.measured.level:.1f}" if r.measured.level is not None else "-"
        table.add_row(r.text, you, level, r.measured.basis,
                      Text(r.gap or "", style="bold yellow" if r.gap else ""))
    console.print(table)


def plan(console: Console, study_plan, this_week: int, done: set[str]) -> None:
    p = study_plan.params
    console.print(f"[bold]12-week plan[/]: {p['target'].upper()} · {p['company']} · "
                  f"{p['hours_per_week']:g} h/week · from {p['start']}")
    for w in study_plan.weeks:
        now = w["week"] == this_week
        lines = [f"[dim]spaced review ≈ {w['review_minutes']} min · onsite review[/]"]
        for e in w["entries"]:
            if e["type"] == "adaptive":
                lines.append(f"· adaptive quiz: [cyan]{e['topic']}[/] ({e['minutes']} min) → "
                             f"onsite quiz --adaptive --topic {e['topic']}")
            elif e["type"] == "mock":
                lines.append(f"· full mock loop, {e['company']} ({e['minutes']} min)")
            else:
                mark = "[green]✓[/]" if e["id"] in done else "·"
                lines.append(f"{mark} [cyan]{e['id']}[/] ({e['kind']}, {e['minutes']} min)")
        title = f"week {w['week']} · {w['start']} · {w['phase']}" + ("  ← this week" if now else "")
        console.print(Panel("\n".join(lines), title=title, title_align="left",
                            border_style="bold cyan" if now else "dim"))


def curve(values: list[float], height: int = 8, width: int = 60) -> str:
    """A small text plot of a loss curve: flat and falling look different at a glance."""
    import math

    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return "the loss was never finite (NaN or inf from the first epoch)"
    step = max(1, math.ceil(len(values) / width))
    points = [values[i] for i in range(0, len(values), step)]
    low, high = min(finite), max(finite)
    span = (high - low) or 1.0
    rows = []
    for r in range(height, 0, -1):
        level = low + span * (r - 0.5) / height
        cells = "".join("█" if math.isfinite(v) and v >= level else
                        ("!" if not math.isfinite(v) else " ") for v in points)
        label = f"{high:8.4g} │" if r == height else (f"{low:8.4g} │" if r == 1 else "         │")
        rows.append(label + cells)
    rows.append("         └" + "─" * len(points))
    rows.append(f"          epochs 1-{len(values)}; first {values[0]:.4g}, last {values[-1]:.4g}")
    return "\n".join(rows)


def bug_form(console: Console, item, classes: dict[str, str]) -> None:
    numbered = "\n".join(f"{n:3d}  {line}" for n, line in enumerate(item.starter.splitlines(), 1))
    console.print(Panel(Text(numbered), title="the original script", border_style="dim"))
    console.print("[bold]bug classes[/]: " + ", ".join(classes))
    console.print("One bug per line as [bold]LINE CLASS[/] (e.g. [bold]17 double-softmax[/]); "
                  "an empty line ends.")


def bug_score(console: Console, result) -> None:
    console.print(f"[bold]{len(result.found)}/{len(result.found) + len(result.missed)}[/] bugs "
                  f"named ({result.score:.0%})")
    for b in result.found:
        console.print(f"[green]✓[/] line {b['line']} {b['class']}: {b['explain']}")
    for b in result.missed:
        console.print(f"[red]✗ missed[/] line {b['line']} {b['class']}: {b['explain']}")
    for claim in result.extra:
        console.print(f"[yellow]? not a planted bug:[/] {claim}")


SIGNAL_STYLE = {"strong": "bold green", "lean": "bold yellow", "no": "bold red"}


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


def mock_intro(console: Console, sitting) -> None:
    loop = sitting.loop
    table = Table(header_style="bold", title=f"{loop.title} · {loop.minutes} minutes")
    table.add_column("#", justify="right")
    table.add_column("round")
    table.add_column("kind")
    table.add_column("min", justify="right")
    for n, r in enumerate(sitting.rounds, 1):
        table.add_row(str(n), r.title + (" [magenta](gate)[/]" if r.gate else ""), r.kind,
                      str(r.minutes))
    console.print(Panel(Markdown(loop.intro), title=f"mock loop {sitting.id[:8]}",
                        border_style="cyan"))
    console.print(table)


def mock_round(console: Console, sitting, round_, seconds_left: float) -> None:
    title = (f"round {sitting.number}/{len(sitting.rounds)} · {round_.title} · "
             f"{clock(seconds_left)} left")
    console.print(Panel(Markdown(round_.brief), title=title, title_align="left",
                        border_style="magenta" if round_.gate else "cyan"))


def mock_status(console: Console, sitting, now) -> None:
    current = sitting.current
    console.print(f"[bold]{sitting.loop.title}[/] · sitting {sitting.id[:8]} · {sitting.status}")
    for n, r in enumerate(sitting.rounds, 1):
        if r.closed:
            state = f"[dim]closed ({r.ended_by}) after {clock(r.used_s())}[/]"
        elif r is current and r.started:
            state = f"[bold]{clock(r.remaining_s(now))} left[/]"
        else:
            state = "[dim]not begun[/]"
        console.print(f"  {n}. {r.title:<28} {r.kind:<7} {state}")


def mock_report(console: Console, report: dict) -> None:
    style = SIGNAL_STYLE[report["overall"]]
    console.print(Panel(f"[{style}]{report['overall_label']}[/]  ·  {report['overall_reason']}",
                        title=f"{report['title']} · report", border_style="cyan"))
    table = Table(header_style="bold", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("round")
    table.add_column("asked", overflow="fold", ratio=2)
    table.add_column("result", overflow="fold", ratio=2)
    table.add_column("time", justify="right", no_wrap=True)
    table.add_column("signal", no_wrap=True)
    for n, r in enumerate(report["rounds"], 1):
        asked = "\n".join(f"{i['title']} [dim]({i['id']})[/]" for i in r["items"][:4])
        if len(r["items"]) > 4:
            asked += f"\n[dim]and {len(r['items']) - 4} more[/]"
        table.add_row(str(n), r["title"] + ("\n[magenta]gate[/]" if r["gate"] else ""), asked,
                      r["reason"], f"{clock(r['used_s'])}/{r['minutes']}:00",
                      f"[{SIGNAL_STYLE[r['signal']]}]{r['label']}[/]")
    console.print(table)
    console.print("[bold]weakest areas[/]")
    for area in report["weakest"]:
        practise = ", ".join(area["practise"]) or "nothing new left: use `onsite review`"
        console.print(f"  · [bold]{area['topic']}[/] ({area['score']:.0%}): practise {practise}")


def mock_reports(console: Console, sittings) -> None:
    table = Table(header_style="bold", title="mock loops")
    table.add_column("id", style="cyan")
    table.add_column("date")
    table.add_column("loop")
    table.add_column("overall")
    table.add_column("rounds")
    for s in sittings:
        report = s.report or {}
        level = report.get("overall", "no")
        rounds = " ".join(f"[{SIGNAL_STYLE[r['signal']]}]{r['signal'][0].upper()}[/]"
                          for r in report.get("rounds", []))
        table.add_row(s.id[:8], s.started_at.strftime("%Y-%m-%d %H:%M"), s.loop.title,
                      f"[{SIGNAL_STYLE[level]}]{report.get('overall_label', '?')}[/]", rounds)
    console.print(table)
