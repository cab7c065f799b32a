"""Spaced review and the daily challenge."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from onsite.sessions import catalog, daily, review
from onsite.web.pages import page

router = APIRouter()


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> HTMLResponse:
    """Today's due items: quiz questions asked here one at a time, the rest linked."""
    due = review.due_summary()
    asked = [d for d in due["today"] if d.kind == "quiz"]
    to_judge = [d for d in due["today"] if d.kind != "quiz"]
    item = catalog.get_item(asked[0].item_id) if asked else None
    return page(request, "review.html", nav="review", due=due, asked=asked, to_judge=to_judge,
                item=item)


@router.get("/daily", response_class=HTMLResponse)
def daily_page(request: Request) -> HTMLResponse:
    today = datetime.now().astimezone().date()
    challenge = daily.daily(today)
    items = catalog.catalog()
    return page(request, "daily.html", nav="daily", challenge=challenge, items=items)
