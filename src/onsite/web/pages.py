"""Rendering: the Jinja2 environment, its filters, and the one helper every route uses."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from onsite.web import charts, markdown
from onsite.web.highlight import highlight

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

templates = Jinja2Templates(directory=str(TEMPLATES))
env = templates.env
env.filters["md"] = markdown.render
env.filters["md_inline"] = markdown.render_inline
env.globals["charts"] = charts
env.globals["now"] = time.time

KIND_NAMES = {"code": "Implement", "paper": "Paper", "debug": "Debug", "quiz": "Quiz",
              "open": "Open question", "levels": "Levels"}
env.globals["KIND_NAMES"] = KIND_NAMES


def _local(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite drops the zone; everything is stored in UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def when(moment: datetime | None, fmt: str = "%d %b %Y, %H:%M") -> str:
    """A stored timestamp in the learner's local time."""
    local = _local(moment)
    return local.strftime(fmt).lstrip("0") if local else ""


def ago(moment: datetime | None) -> str:
    """'3 min ago', 'yesterday', '12 Mar': how long since a stored timestamp."""
    local = _local(moment)
    if local is None:
        return ""
    seconds = (datetime.now().astimezone() - local).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    if seconds < 2 * 86400:
        return "yesterday"
    return local.strftime("%d %b").lstrip("0")


def day(value: date | str, fmt: str = "%a %d %b") -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.strftime(fmt)


def minutes(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


env.filters["when"] = when
env.filters["ago"] = ago
env.filters["day"] = day
env.filters["duration"] = minutes
env.filters["percent"] = percent


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a template; ``nav`` in the context marks the current section in the header."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def challenge_rows(challenge: Any) -> list[tuple[str, str]]:
    """A daily challenge as (label, item id) rows, in the order the CLI shows them."""
    rows = [("review", i) for i in challenge.reviews]
    rows += [(label, i) for label, i in (("new", challenge.new), ("stretch", challenge.stretch)) if i]
    return rows


env.globals["challenge_rows"] = challenge_rows
env.filters["dict_without_empty"] = lambda d: {k: v for k, v in d.items() if v}
env.tests["startingwith"] = lambda value, prefix: str(value).startswith(prefix)
# A debug verdict's loss curve as chart points: epoch numbers from 1.
env.globals["curve_points"] = lambda curve: [(str(i), v) for i, v in enumerate(curve, 1)]
env.globals["highlight"] = highlight


def week_days(start: str) -> list[date]:
    """The seven dates of a plan week, from its ISO start date."""
    first = date.fromisoformat(start)
    return [first + timedelta(days=k) for k in range(7)]


env.globals["week_days"] = week_days
