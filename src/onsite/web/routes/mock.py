"""Mock loops: choose a loop, sit its rounds against their clocks, read the report.

Everything a sitting knows lives in sessions/mock.py's stored state: each round's clock
is a deadline there, so the countdown on the page (computed from it) is right after a
reload, a closed tab or a restarted server. An implementation round's editor is saved to
the round's workspace file on Submit, exactly as if the learner had saved it in their own
editor before `onsite mock submit`; then the same sessions call judges it.
"""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from onsite.sessions import catalog, mock
from onsite.web import forms
from onsite.web.errors import error_page, log_traceback
from onsite.web.pages import page

router = APIRouter()

IMPLEMENTATION_KINDS = ("code", "paper", "debug", "levels")


@router.get("/mock", response_class=HTMLResponse)
def mock_index(request: Request) -> HTMLResponse:
    active = mock.active()
    if active is not None:
        mock.sync(active)
        active = active if active.status == "running" else None
    return page(request, "mock/index.html", nav="mock", loops=mock.loops(),
                active=active, reports=mock.reports()[:20])


@router.post("/mock/start", response_class=HTMLResponse)
def mock_start(request: Request, loop_id: str = Form(...)) -> Response:
    sitting = mock.start(loop_id)
    return RedirectResponse(f"/mock/{sitting.id}", 303)


def _sitting(sitting_id: str):
    sitting = mock.get(sitting_id)
    mock.sync(sitting)
    return mock, sitting


def _round_context(mock, sitting) -> dict:
    """What the page shows of the current round: its item(s), the editor text, the clock."""
    current = sitting.current
    context: dict = {"sitting": sitting, "current": current, "nav": "mock"}
    if current is None or not current.started:
        return context
    deadline = current.deadline()
    context["deadline_ms"] = int(deadline.timestamp() * 1000) if deadline else None
    if current.kind in IMPLEMENTATION_KINDS:
        item = catalog.get_item(current.items[0])
        path = mock.submission_path(sitting)
        context.update(item=item, code=path.read_text() if path.is_file() else item.starter)
    elif current.kind == "quiz":
        next_id = mock.next_question(sitting)
        context.update(item=catalog.get_item(next_id) if next_id else None,
                       answered=len(current.answers))
    else:
        context.update(item=catalog.get_item(current.items[0]))
    return context


@router.get("/mock/{sitting_id}", response_class=HTMLResponse)
def sitting_page(request: Request, sitting_id: str) -> Response:
    mock, sitting = _sitting(sitting_id)
    if sitting.status == "finished":
        return RedirectResponse(f"/mock/{sitting.id}/report", 303)
    if sitting.status != "running":
        return error_page(request, 409, f"This mock loop was {sitting.status}; it has no report.")
    return page(request, "mock/sitting.html", **_round_context(mock, sitting))


@router.post("/mock/{sitting_id}/begin", response_class=HTMLResponse)
def begin(request: Request, sitting_id: str) -> Response:
    mock, sitting = _sitting(sitting_id)
    mock.begin(sitting)
    return RedirectResponse(f"/mock/{sitting.id}", 303)


@router.post("/mock/{sitting_id}/end", response_class=HTMLResponse)
def end(request: Request, sitting_id: str) -> Response:
    mock, sitting = _sitting(sitting_id)
    mock.end_round(sitting)
    return RedirectResponse(f"/mock/{sitting.id}", 303)


@router.post("/mock/{sitting_id}/abandon", response_class=HTMLResponse)
def abandon(request: Request, sitting_id: str) -> Response:
    mock, sitting = _sitting(sitting_id)
    mock.abandon(sitting)
    return RedirectResponse("/mock", 303)


@router.post("/mock/{sitting_id}/submit", response_class=HTMLResponse)
async def submit(request: Request, sitting_id: str, code: str = Form("")) -> Response:
    """Save the editor to the round's workspace file and judge it, as `onsite mock submit`."""
    mock, sitting = await run_in_threadpool(_sitting, sitting_id)
    path = mock.submission_path(sitting)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code)
    runner = request.app.state.judge.runner()
    try:
        verdict = await run_in_threadpool(mock.submit, sitting, runner)
    except mock.MockError:
        raise  # "the time is up" and the like: the handler shows it
    except Exception as exc:  # noqa: BLE001 - a judge failure is shown on the page
        item = catalog.get_item(sitting.current.items[0]) if sitting.current else None
        return page(request, "items/_judge_error.html", status_code=500, item=item, broken=False,
                    message=type(exc).__name__, log_path=log_traceback(exc))
    item = catalog.get_item(verdict.item)
    return page(request, "mock/_submitted.html", item=item, verdict=verdict, sitting=sitting,
                closed=sitting.current is None or sitting.current.items[0] != item.id)


@router.post("/mock/{sitting_id}/answer", response_class=HTMLResponse)
async def answer(request: Request, sitting_id: str) -> Response:
    """One answer of a quiz round; no going back, so the page moves on to the next."""
    from onsite.learn.answers import Unreadable

    form = await request.form()
    mock, sitting = await run_in_threadpool(_sitting, sitting_id)
    item_id = str(form.get("item_id", ""))
    if mock.next_question(sitting) == item_id:
        try:
            await run_in_threadpool(mock.answer_question, sitting, item_id,
                                    forms.quiz_response(form),
                                    forms.seconds_since(form.get("shown_at")))
        except Unreadable as exc:
            context = await run_in_threadpool(_round_context, mock, sitting)
            return page(request, "mock/sitting.html", status_code=422, problem=str(exc),
                        **context)
    return RedirectResponse(f"/mock/{sitting.id}", 303)


@router.post("/mock/{sitting_id}/open", response_class=HTMLResponse)
async def answer_open(request: Request, sitting_id: str, answer: str = Form("")) -> Response:
    """The written answer of an open round: graded, and the round closes."""
    from onsite.grade.embed import GraderUnavailable
    from onsite.sessions import written

    mock, sitting = await run_in_threadpool(_sitting, sitting_id)
    item = catalog.get_item(sitting.current.items[0]) if sitting.current else None
    try:
        result = await run_in_threadpool(mock.answer_open, sitting, answer)
    except ValueError as exc:
        return page(request, "items/_grade.html", status_code=422, problem=str(exc))
    except GraderUnavailable as exc:
        return page(request, "items/_grade.html", status_code=503,
                    problem=f"{exc}. Your answer was saved.")
    return page(request, "mock/_graded.html", item=item, rubric=written.rubric_for(item.id),
                answer=answer.strip(), grade=result.to_dict(), sitting=sitting)


@router.get("/mock/{sitting_id}/report", response_class=HTMLResponse)
def report(request: Request, sitting_id: str) -> Response:
    mock, sitting = _sitting(sitting_id)
    if sitting.report is None:
        return RedirectResponse(f"/mock/{sitting.id}", 303)
    return page(request, "mock/report.html", nav="mock", sitting=sitting, report=sitting.report,
                items=catalog.catalog())


@router.get("/mock/{sitting_id}/report.md")
def report_markdown(request: Request, sitting_id: str) -> Response:
    mock, sitting = _sitting(sitting_id)
    if sitting.report is None:
        return error_page(request, 404, "This loop has no report yet: finish its rounds first.")
    return Response(mock.to_markdown(sitting.report), media_type="text/markdown",
                    headers={"Content-Disposition":
                             f'attachment; filename="onsite-mock-{sitting.id[:8]}.md"'})
