"""The item browser and the item page: read, write, run, hints, explanation, follow-ups."""

from __future__ import annotations

import logging
import math

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from onsite.judge.verdict import Verdict
from onsite.packs.loader import Item
from onsite.packs.taxonomy import load_taxonomy
from onsite.sessions import catalog, debugging, practice, written
from onsite.web import forms
from onsite.web.errors import error_page, log_traceback
from onsite.web.pages import is_htmx, page

router = APIRouter()
log = logging.getLogger("onsite.web")

PAGE_SIZE = 60
JUDGED = ("code", "paper", "debug", "levels")
MAX_CODE = 200_000  # characters; a submission is a file a person typed
QUIZ_MODES = ("practice", "review", "daily")
STATUSES = {"new": "not tried", "tried": "tried, not solved", "solved": "solved"}


@router.get("/items", response_class=HTMLResponse)
def browse(request: Request, q: str = "", kind: str = "", topic: str = "", difficulty: str = "",
           company: str = "", status: str = "",
           page_no: int = Query(1, alias="page")) -> HTMLResponse:
    found = catalog.find_items(kind or None, topic or None, difficulty or None, company or None, q)
    marks = practice.item_status()
    if status in STATUSES:  # status is the learner's, so it is matched here, not in the catalogue
        found = [s for s in found if marks.get(s.id, "new") == status]
    pages = max(1, math.ceil(len(found) / PAGE_SIZE))
    page_no = min(max(page_no, 1), pages)
    shown = found[(page_no - 1) * PAGE_SIZE: page_no * PAGE_SIZE]
    filters = {"q": q, "kind": kind, "topic": topic, "difficulty": difficulty,
               "company": company, "status": status}
    context = dict(nav="items", results=shown, total=len(found), marks=marks, filters=filters,
                   page_no=page_no, pages=pages, facets=catalog.facets(), statuses=STATUSES)
    if is_htmx(request) and request.headers.get("HX-Target") == "results":
        return page(request, "items/_results.html", **context)
    return page(request, "items/browse.html", **context)


def _latest_verdict(history: list) -> Verdict | None:
    return Verdict.from_dict(history[-1].verdict) if history else None


def _item_context(item: Item) -> dict:
    """Everything the item page shows, by kind; each value is one sessions/ call."""
    kind = item.meta.kind
    context: dict = {"item": item, "nav": "items"}
    if kind in JUDGED:
        history = practice.attempts(item.id)
        context.update(
            code=practice.last_code(item.id) or item.starter,
            history=history[::-1][:30], attempt_count=len(history),
            verdict=_latest_verdict(history), passed=any(a.passed for a in history),
            hints=practice.revealed_hints(item.id), hint_total=len(item.hints),
            explanation=item.explanation if history else None,
        )
        context.update(_after_pass(item, context["passed"]))
        if kind == "levels":
            level = practice.unlocked_level(item.id)
            context.update(level=level, level_specs=[(k, item.level_spec(k))
                                                     for k in range(1, level + 1)])
    elif kind == "open":
        context.update(rubric=written.rubric_for(item.id), answers=written.answers(item.id)[::-1])
    return context


def _after_pass(item: Item, passed: bool) -> dict:
    """A debug item's bug-naming step and a paper item's follow-up, open once it passes."""
    kind = item.meta.kind
    if kind == "debug":
        named = [a for a in written.answers(item.id) if (a.grade or {}).get("kind") == "bugs"]
        return {"bug_classes": load_taxonomy().bug_classes, "bug_answers": named[::-1]}
    if kind == "paper" and item.rubric is not None:
        return {"followup": item.rubric if passed else None,
                "answers": written.answers(item.id)[::-1] if passed else []}
    return {}


@router.get("/items/{item_id:path}", response_class=HTMLResponse)
def item_page(request: Request, item_id: str, mode: str = "practice",
              next: str = "") -> HTMLResponse:
    """An item's page; a quiz item's answer counts as ``mode`` (practice, review or daily)."""
    item = catalog.get_item(item_id)
    context = _item_context(item)
    if item.meta.kind == "quiz":
        context.update(mode=mode if mode in QUIZ_MODES else "practice",
                       next_url=next if next.startswith("/") else "/quiz/practice")
    return page(request, f"items/{_template(item)}.html", **context)


def _template(item: Item) -> str:
    return {"quiz": "quiz_item", "open": "open_item"}.get(item.meta.kind, "judged_item")


@router.post("/run/{item_id:path}", response_class=HTMLResponse)
async def run(request: Request, item_id: str, code: str = Form("")) -> HTMLResponse:
    """Judge the editor's code; the report, history and unlocked parts come back together."""
    item = await run_in_threadpool(catalog.get_item, item_id)
    if item.meta.kind not in JUDGED:
        return error_page(request, 400, f"{item_id} is not judged: it has no code to run.")
    if len(code) > MAX_CODE:
        return error_page(request, 413, f"The code is {len(code):,} characters; the judge takes "
                          f"at most {MAX_CODE:,}.")
    runner = request.app.state.judge.runner()
    try:
        verdict = await run_in_threadpool(practice.judge_code, item.id, code, runner=runner,
                                          kind=item.meta.kind)
    except Exception as exc:  # noqa: BLE001 - the judge failing is shown, not raised
        from onsite.judge.verifier import ReferenceBroken

        where = log_traceback(exc)
        log.error("judge failed on %s: %s", item_id, exc)
        broken = isinstance(exc, ReferenceBroken)
        return page(request, "items/_judge_error.html", status_code=500, item=item,
                    broken=broken, message=str(exc) if broken else type(exc).__name__,
                    log_path=where)
    context = await run_in_threadpool(_item_context, item)
    context["verdict"] = verdict
    context["fresh"] = True
    return page(request, "items/_run_result.html", **context)


@router.post("/hint/{item_id:path}", response_class=HTMLResponse)
def hint(request: Request, item_id: str) -> HTMLResponse:
    item = catalog.get_item(item_id)
    revealed = practice.next_hint(item.id)
    return page(request, "items/_hint.html", item=item, hint=revealed,
                hints=practice.revealed_hints(item.id), hint_total=len(item.hints))


@router.post("/bugs/{item_id:path}", response_class=HTMLResponse)
def bugs(request: Request, item_id: str, claims: str = Form("")) -> HTMLResponse:
    item = catalog.get_item(item_id)
    try:
        result = debugging.name_bugs(item.id, claims)
    except (debugging.NotYet, ValueError) as exc:
        return page(request, "items/_bug_score.html", status_code=422, item=item, problem=str(exc),
                    claims=claims)
    return page(request, "items/_bug_score.html", item=item, result=result.to_dict(),
                claims=claims)


@router.post("/grade/{item_id:path}", response_class=HTMLResponse)
async def grade(request: Request, item_id: str, answer: str = Form("")) -> HTMLResponse:
    """Grade a written answer (open question, paper follow-up) against its rubric."""
    from onsite.grade.embed import GraderUnavailable

    item = await run_in_threadpool(catalog.get_item, item_id)
    try:
        rubric = await run_in_threadpool(written.question_for, item.id)
        result = await run_in_threadpool(written.grade_answer, item.id, answer)
    except written.NotAnswerable as exc:
        return page(request, "items/_grade.html", status_code=409, problem=str(exc), answer=answer)
    except ValueError as exc:
        return page(request, "items/_grade.html", status_code=422, problem=str(exc), answer=answer)
    except GraderUnavailable as exc:
        return page(request, "items/_grade.html", status_code=503, answer=answer,
                    problem=f"{exc}. Your answer was saved and can be graded later.")
    return page(request, "items/_grade.html", item=item, rubric=rubric, answer=answer.strip(),
                grade=result.to_dict(), fresh=True)


@router.post("/answer/{item_id:path}", response_class=HTMLResponse)
async def answer(request: Request, item_id: str) -> HTMLResponse:
    """One quiz answer in practice, review or daily mode; the outcome replaces the form."""
    from onsite.learn.answers import Unreadable
    from onsite.sessions import quiz

    form = await request.form()
    item = await run_in_threadpool(catalog.get_item, item_id)
    mode = str(form.get("mode", "practice"))
    if mode not in QUIZ_MODES:
        mode = "practice"
    next_url = str(form.get("next", "")) if str(form.get("next", "")).startswith("/") else ""
    response = forms.quiz_response(form)
    try:
        outcome = await run_in_threadpool(quiz.answer, item.id, response,
                                          forms.seconds_since(form.get("shown_at")), mode)
    except Unreadable as exc:
        return page(request, "quiz/_question.html", status_code=422, item=item, mode=mode,
                    next_url=next_url, problem=str(exc), given=response,
                    action=f"/answer/{item.id}")
    return page(request, "quiz/_outcome.html", item=item, outcome=outcome, next_url=next_url,
                mode=mode)
