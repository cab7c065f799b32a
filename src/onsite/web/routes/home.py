"""Home: what to do today, and the dashboard of where the learner stands."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from onsite.packs.taxonomy import load_taxonomy
from onsite.sessions import catalog, daily, practice, quiz, review
from onsite.web import mockview
from onsite.web.pages import page

router = APIRouter()

GROUP_NAMES = {"debug": "ML debugging", "levels": "Levels assessments", "open": "Open questions",
               "quiz": "Quiz"}


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    today = datetime.now().astimezone().date()
    items = catalog.catalog()
    challenge = daily.daily(today)
    due = review.due_summary()
    status = practice.item_status()
    groups = practice.family_stats()
    families = load_taxonomy().families
    measured = sorted(quiz.abilities().values(), key=lambda a: a.topic)
    named = [(families.get(g.group) or GROUP_NAMES.get(g.group, g.group), g) for g in groups]
    retention = review.retention(12, today)
    return page(
        request, "home.html", nav="home", today=today, items=items, challenge=challenge,
        due=due, solved=sum(s == "solved" for s in status.values()), tried=len(status),
        attempts=sum(g.attempts for g in groups), abilities=measured, groups=named,
        ability_rows=[(a.topic, a.theta, a.se) for a in measured],
        family_rows=[(name, g.pass_rate, f"{g.pass_rate:.0%} · {g.mean_minutes:.0f} min/try")
                     for name, g in named],
        retention=retention,
        retention_points=[(f"{w.start:%d %b}", w.rate) for w in retention],
        activity=practice.activity(365, today),
    )


@router.get("/home/mock-reports", response_class=HTMLResponse)
def mock_reports(request: Request) -> HTMLResponse:
    """The dashboard's latest mock reports, fetched after the page has shown (htmx), so the
    rest of the dashboard does not wait on reading the loops' definitions."""
    return page(request, "_mock_reports.html", mock_reports=mockview.latest_reports(3))
