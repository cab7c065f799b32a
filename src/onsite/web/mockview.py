"""The dashboard's summary of the latest mock loop reports."""

from __future__ import annotations

from onsite.sessions import mock
from onsite.sessions.review import aware


def latest_reports(n: int) -> list[dict]:
    """The newest finished loops' reports for the dashboard, newest first."""
    found = []
    for sitting in mock.reports()[:n]:
        report = sitting.report or {}
        found.append({"url": f"/mock/{sitting.id}/report", "title": report.get("title", sitting.loop.title),
                      "when": f"{aware(sitting.started_at).astimezone():%d %b %Y}",
                      "level": report.get("overall", ""), "signal": report.get("overall_label", "")})
    return found
