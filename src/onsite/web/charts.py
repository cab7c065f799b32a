"""Charts as inline SVG, drawn on the server: no chart library, nothing to download.

Each function takes plain numbers and returns SVG markup that scales with its container
(a viewBox, no fixed pixel size). Colours come from CSS classes in static/onsite.css, so
the charts follow the page's palette; every chart has a <title> and an aria-label for
screen readers, and each mark a <title> that browsers show on hover.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from markupsafe import Markup


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, label: str, body: list[str], css: str = "") -> Markup:
    return Markup(
        f'<svg class="chart {css}" viewBox="0 0 {_fmt(width)} {_fmt(height)}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>")


def ability(rows: Sequence[tuple[str, float, float]], lo: float = -3.0, hi: float = 3.0) -> Markup:
    """Ability per topic on the IRT scale: a dot at the estimate, a bar over ±1.96 SE.

    ``rows`` are (topic, theta, se). 0 is the level of a medium question.
    """
    # Drawn wide: the chart spans a full-width card, and text keeps its size only if the
    # viewBox is about as wide as the card.
    label_w, width, row_h, top = 190.0, 1100.0, 28.0, 26.0
    plot_w = width - label_w - 24
    height = top + row_h * max(len(rows), 1) + 8

    def x(v: float) -> float:
        return label_w + (min(max(v, lo), hi) - lo) / (hi - lo) * plot_w

    body = []
    for tick in range(math.ceil(lo), math.floor(hi) + 1):
        body.append(f'<line class="grid{" zero" if tick == 0 else ""}" x1="{_fmt(x(tick))}" '
                    f'y1="{_fmt(top - 6)}" x2="{_fmt(x(tick))}" y2="{_fmt(height - 6)}"/>')
        body.append(f'<text class="tick" x="{_fmt(x(tick))}" y="{_fmt(top - 10)}" '
                    f'text-anchor="middle">{tick:+d}</text>' if tick else
                    f'<text class="tick" x="{_fmt(x(0))}" y="{_fmt(top - 10)}" '
                    f'text-anchor="middle">0 = medium</text>')
    for n, (topic, theta, se) in enumerate(rows):
        y = top + row_h * n + row_h / 2
        low, high = theta - 1.96 * se, theta + 1.96 * se
        tip = f"{topic}: {theta:+.2f} ± {se:.2f} (95% interval {low:+.1f} to {high:+.1f})"
        body.append(f'<g><title>{escape(tip)}</title>'
                    f'<text class="label" x="{_fmt(label_w - 8)}" y="{_fmt(y + 4)}" '
                    f'text-anchor="end">{escape(topic)}</text>'
                    f'<line class="interval" x1="{_fmt(x(low))}" y1="{_fmt(y)}" '
                    f'x2="{_fmt(x(high))}" y2="{_fmt(y)}"/>'
                    f'<circle class="estimate" cx="{_fmt(x(theta))}" cy="{_fmt(y)}" r="5"/></g>')
    return _svg(width, height, f"ability per topic with 95% intervals, {len(rows)} topics", body)


def bars(rows: Sequence[tuple[str, float, str]], label: str) -> Markup:
    """Horizontal bars of a share (0 to 1) per row, with a note at the end of each row.

    ``rows`` are (name, share, note), e.g. ("transformers", 0.62, "62% · 14 min").
    """
    label_w, width, row_h, note_w = 220.0, 620.0, 26.0, 130.0
    plot_w = width - label_w - note_w - 8
    height = row_h * max(len(rows), 1) + 4
    body = []
    for n, (name, share, note) in enumerate(rows):
        y = row_h * n + 4
        share = min(max(share, 0.0), 1.0)
        body.append(f'<g><title>{escape(name)}: {escape(note)}</title>'
                    f'<text class="label" x="{_fmt(label_w - 8)}" y="{_fmt(y + 14)}" '
                    f'text-anchor="end">{escape(name)}</text>'
                    f'<rect class="track" x="{_fmt(label_w)}" y="{_fmt(y + 3)}" '
                    f'width="{_fmt(plot_w)}" height="14" rx="3"/>'
                    f'<rect class="bar" x="{_fmt(label_w)}" y="{_fmt(y + 3)}" '
                    f'width="{_fmt(plot_w * share)}" height="14" rx="3"/>'
                    f'<text class="note" x="{_fmt(label_w + plot_w + 8)}" y="{_fmt(y + 14)}">'
                    f"{escape(note)}</text></g>")
    return _svg(width, height, label, body)


def calendar(counts: dict[date, int], today: date, weeks: int = 53) -> Markup:
    """An activity calendar: one square per day, columns are weeks (Monday on top)."""
    cell, gap, left, top = 11.0, 3.0, 28.0, 16.0
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    peak = max(counts.values(), default=0)
    width = left + weeks * (cell + gap)
    height = top + 7 * (cell + gap)
    body = []
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
        body.append(f'<text class="tick" x="0" y="{_fmt(top + row * (cell + gap) + 9)}">{name}</text>')
    month = None
    for w in range(weeks):
        monday = first + timedelta(days=7 * w)
        if monday.month != month:
            month = monday.month
            # A month that starts in the first columns or the last ones gets no label:
            # it would run into its neighbour.
            next_month = (monday.replace(day=1) + timedelta(days=32)).replace(day=1)
            if w < weeks - 2 and (w > 0 or (next_month - monday).days > 21):
                body.append(f'<text class="tick" x="{_fmt(left + w * (cell + gap))}" y="10">'
                            f'{monday:%b}</text>')
        for d in range(7):
            day = monday + timedelta(days=d)
            if day > today:
                break
            n = counts.get(day, 0)
            level = 0 if n == 0 else min(4, 1 + int(3 * n / peak)) if peak else 0
            body.append(f'<rect class="day l{level}" x="{_fmt(left + w * (cell + gap))}" '
                        f'y="{_fmt(top + d * (cell + gap))}" width="{_fmt(cell)}" '
                        f'height="{_fmt(cell)}" rx="2"><title>{day:%a %d %b %Y}: {n} '
                        f'{"activity" if n == 1 else "activities"}</title></rect>')
    total = sum(n for d, n in counts.items() if d >= first)
    return _svg(width, height, f"activity calendar: {total} activities in {weeks} weeks", body,
                "calendar")


def line(points: Sequence[tuple[str, float | None]], label: str, *, lo: float | None = None,
         hi: float | None = None, percent: bool = False, x_title: str = "") -> Markup:
    """A line through (x label, value) points; None leaves a gap, non-finite values are marked.

    Used for retention per week (percent) and a debug script's training loss per epoch.
    """
    width, height, left, right, top, bottom = 560.0, 220.0, 52.0, 12.0, 12.0, 34.0
    finite = [v for _, v in points if v is not None and math.isfinite(v)]
    low = lo if lo is not None else (min(finite) if finite else 0.0)
    high = hi if hi is not None else (max(finite) if finite else 1.0)
    if high - low < 1e-12:
        low, high = low - 0.5, high + 0.5
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(points)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - low) / (high - low))

    def value_text(v: float) -> str:
        return f"{v:.0%}" if percent else f"{v:.4g}"

    body = []
    for k in range(5):
        v = low + (high - low) * k / 4
        body.append(f'<line class="grid" x1="{_fmt(left)}" y1="{_fmt(y(v))}" '
                    f'x2="{_fmt(width - right)}" y2="{_fmt(y(v))}"/>'
                    f'<text class="tick" x="{_fmt(left - 6)}" y="{_fmt(y(v) + 4)}" '
                    f'text-anchor="end">{value_text(v)}</text>')
    segments: list[list[str]] = [[]]
    for i, (_, v) in enumerate(points):
        if v is None or not math.isfinite(v):
            segments.append([])
            continue
        segments[-1].append(f"{_fmt(x(i))},{_fmt(y(v))}")
    for seg in segments:
        if len(seg) > 1:
            body.append(f'<polyline class="series" points="{" ".join(seg)}"/>')
    step = max(1, math.ceil(n / 8))
    for i, (name, v) in enumerate(points):
        if v is not None and not math.isfinite(v):
            body.append(f'<text class="bad" x="{_fmt(x(i))}" y="{_fmt(top + 10)}" '
                        f'text-anchor="middle">!<title>{escape(name)}: {v}</title></text>')
        elif v is not None:
            body.append(f'<circle class="point" cx="{_fmt(x(i))}" cy="{_fmt(y(v))}" r="3">'
                        f"<title>{escape(name)}: {value_text(v)}</title></circle>")
        if i % step == 0 or i == n - 1:
            body.append(f'<text class="tick" x="{_fmt(x(i))}" y="{_fmt(height - bottom + 16)}" '
                        f'text-anchor="middle">{escape(name)}</text>')
    if x_title:
        body.append(f'<text class="tick" x="{_fmt(left + plot_w / 2)}" y="{_fmt(height - 2)}" '
                    f'text-anchor="middle">{escape(x_title)}</text>')
    return _svg(width, height, label, body)
