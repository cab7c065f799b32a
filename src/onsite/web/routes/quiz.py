"""Quiz pages: practice rounds, adaptive tests and rapid-fire rounds.

Every answer is stored as it is given, and each round is named by an id in its URL, so a
reload (or a closed tab) picks up where the learner was: the state lives in the answers.
"""

from __future__ import annotations

import random
import time

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from onsite.learn.answers import Unreadable, expected_text
from onsite.sessions import catalog
from onsite.sessions import quiz as quizzes
from onsite.sessions.review import aware
from onsite.store.models import new_id
from onsite.web import forms
from onsite.web.errors import error_page
from onsite.web.pages import page

router = APIRouter()

PRACTICE_COUNT = 10
RAPID_MINUTES = 10.0


def _topic_or_none(topic: str) -> str | None:
    return topic or None


@router.get("/quiz", response_class=HTMLResponse)
def hub(request: Request) -> HTMLResponse:
    quiz_topics = sorted({t for i in quizzes.quiz_items() for t in i.meta.topics})
    adaptive_topics = quizzes.adaptive_topics()
    try:
        suggested = quizzes.least_known_topic()
    except quizzes.NoQuestions:
        suggested = None
    return page(request, "quiz/hub.html", nav="quiz", quiz_topics=quiz_topics,
                adaptive_topics=adaptive_topics, suggested=suggested,
                abilities=quizzes.abilities())


# --- practice -------------------------------------------------------------------------

@router.get("/quiz/practice", response_class=HTMLResponse)
def practice_start(topic: str = "", count: int = PRACTICE_COUNT) -> RedirectResponse:
    count = min(max(count, 1), 50)
    return RedirectResponse(f"/quiz/practice/{new_id()}?topic={topic}&count={count}", 303)


@router.get("/quiz/practice/{round_id}", response_class=HTMLResponse)
def practice(request: Request, round_id: str, topic: str = "",
             count: int = PRACTICE_COUNT) -> HTMLResponse:
    given = quizzes.round_answers(round_id)
    done = {r.item_id for r in given}
    url = f"/quiz/practice/{round_id}?topic={topic}&count={count}"
    item = None
    if len(given) < count:
        # A seed from the round id keeps the order stable across reloads of this round.
        pool = quizzes.practice_items(_topic_or_none(topic), count + len(given),
                                      seed=int(round_id[:8], 16) if _hex(round_id) else None)
        item = next((i for i in pool if i.id not in done), None)
    items = catalog.catalog()
    return page(request, "quiz/practice.html", nav="quiz", item=item, topic=topic, count=count,
                answered=given, number=len(given) + 1, url=url, round_id=round_id,
                titles={r.item_id: items[r.item_id].meta.title for r in given if r.item_id in items})


def _hex(text: str) -> bool:
    return len(text) >= 8 and all(c in "0123456789abcdef" for c in text[:8])


@router.post("/quiz/practice/{round_id}", response_class=HTMLResponse)
async def practice_answer(request: Request, round_id: str, topic: str = "",
                          count: int = PRACTICE_COUNT) -> HTMLResponse:
    form = await request.form()
    item = await run_in_threadpool(catalog.get_item, str(form.get("item_id", "")))
    url = f"/quiz/practice/{round_id}?topic={topic}&count={count}"
    action = f"/quiz/practice/{round_id}?topic={topic}&count={count}"
    response = forms.quiz_response(form)
    try:
        outcome = await run_in_threadpool(
            quizzes.answer, item.id, response, forms.seconds_since(form.get("shown_at")),
            "practice", round_id)
    except Unreadable as exc:
        return page(request, "quiz/_question.html", status_code=422, item=item, problem=str(exc),
                    given=response, action=action)
    return page(request, "quiz/_outcome.html", item=item, outcome=outcome, next_url=url)


# --- adaptive tests -------------------------------------------------------------------

@router.get("/quiz/adaptive", response_class=HTMLResponse)
def adaptive_start(request: Request, topic: str = "") -> HTMLResponse:
    try:
        topic = topic or quizzes.least_known_topic()
        status = quizzes.adaptive(topic)
    except quizzes.NoQuestions as exc:
        return error_page(request, 404, str(exc))
    return RedirectResponse(f"/quiz/adaptive/{topic}/{status.session_id}", 303)


def _adaptive_context(status: quizzes.AdaptiveStatus) -> dict:
    next_id = status.next_item
    return {"status": status, "topic": status.topic, "test": status.test,
            "item": catalog.get_item(next_id) if next_id else None,
            "action": f"/quiz/adaptive/{status.topic}/{status.session_id}"}


@router.get("/quiz/adaptive/{topic}/{session_id}", response_class=HTMLResponse)
def adaptive(request: Request, topic: str, session_id: str) -> HTMLResponse:
    try:
        status = quizzes.adaptive(topic, session_id)
    except quizzes.NoQuestions as exc:
        return error_page(request, 404, str(exc))
    return page(request, "quiz/adaptive.html", nav="quiz", **_adaptive_context(status))


@router.post("/quiz/adaptive/{topic}/{session_id}", response_class=HTMLResponse)
async def adaptive_answer(request: Request, topic: str, session_id: str) -> HTMLResponse:
    form = await request.form()
    try:
        status = await run_in_threadpool(quizzes.adaptive, topic, session_id)
    except quizzes.NoQuestions as exc:
        return error_page(request, 404, str(exc))
    item_id = str(form.get("item_id", ""))
    context = _adaptive_context(status)
    if item_id != status.next_item:
        # A second click or a stale tab: that question is already answered; show where
        # the test stands instead of answering twice.
        return page(request, "quiz/_adaptive_step.html", **context, stale=True)
    item = context["item"]
    response = forms.quiz_response(form)
    try:
        outcome = await run_in_threadpool(quizzes.adaptive_answer, status, item_id, response,
                                          forms.seconds_since(form.get("shown_at")))
    except Unreadable as exc:
        return page(request, "quiz/_adaptive_step.html", status_code=422, **context,
                    problem=str(exc), given=response)
    return page(request, "quiz/_adaptive_step.html", **_adaptive_context(status),
                answered=item, outcome=outcome)


# --- rapid fire -----------------------------------------------------------------------

@router.get("/quiz/rapid", response_class=HTMLResponse)
def rapid_start(topic: str = "", minutes: float = RAPID_MINUTES) -> RedirectResponse:
    minutes = min(max(minutes, 1.0), 60.0)
    seed = random.randrange(1 << 30)
    return RedirectResponse(f"/quiz/rapid/{new_id()}?seed={seed}&minutes={minutes:g}"
                            f"&topic={topic}&start={time.time():.0f}", 303)


def _rapid_state(round_id: str, seed: int, minutes: float, topic: str, start: float,
                 stop: bool = False) -> dict:
    items = quizzes.rapid_items(seed, topics=[topic] if topic else None)
    given = quizzes.round_answers(round_id)
    answered = {r.item_id for r in given}
    deadline = start + minutes * 60
    remaining = [i for i in items if i.id not in answered]
    over = stop or time.time() >= deadline or not remaining
    query = f"seed={seed}&minutes={minutes:g}&topic={topic}&start={start:.0f}"
    return {"items": items, "given": given, "deadline": deadline, "over": over, "query": query,
            "item": None if over else remaining[0], "round_id": round_id, "minutes": minutes,
            "topic": topic, "number": len(given) + 1,
            "stop_url": f"/quiz/rapid/{round_id}?{query}&stop=1"}


@router.get("/quiz/rapid/{round_id}", response_class=HTMLResponse)
def rapid(request: Request, round_id: str, seed: int, minutes: float, start: float,
          topic: str = "", stop: bool = False) -> HTMLResponse:
    state = _rapid_state(round_id, seed, minutes, topic, start, stop)
    if not state["items"]:
        return error_page(request, 404, "No short questions for a rapid-fire round"
                          + (f" on {topic}." if topic else "."))
    if state["over"]:
        items = catalog.catalog()
        rows = []
        for r in state["given"]:
            item = items.get(r.item_id)
            late = aware(r.created_at).timestamp() > state["deadline"]
            rows.append({"response": r, "item": item, "late": late,
                         "expected": expected_text(item.quiz) if item and item.quiz else ""})
        return page(request, "quiz/rapid_report.html", nav="quiz", rows=rows, **state)
    last = state["given"][-1] if state["given"] else None
    return page(request, "quiz/rapid.html", nav="quiz", last=last, **state)


@router.post("/quiz/rapid/{round_id}", response_class=HTMLResponse)
async def rapid_answer(request: Request, round_id: str, seed: int, minutes: float, start: float,
                       topic: str = "") -> HTMLResponse:
    form = await request.form()
    state = await run_in_threadpool(_rapid_state, round_id, seed, minutes, topic, start)
    url = f"/quiz/rapid/{round_id}?{state['query']}"
    item_id = str(form.get("item_id", ""))
    # No going back: only the question on screen can be answered, once.
    if state["item"] is not None and item_id == state["item"].id:
        try:
            await run_in_threadpool(quizzes.answer, item_id, forms.quiz_response(form),
                                    forms.seconds_since(form.get("shown_at")), "rapid", round_id)
        except Unreadable as exc:
            return page(request, "quiz/rapid.html", nav="quiz", status_code=422, last=None,
                        problem=str(exc), **state)
    return RedirectResponse(url, 303)
