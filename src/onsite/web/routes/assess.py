"""Readiness self-assessments beside the evidence, and the 12-week plan as a calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import groupby

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from onsite.learn.readiness import score
from onsite.sessions import assess as assessments
from onsite.sessions import catalog
from onsite.sessions import plan as plans
from onsite.web.errors import error_page
from onsite.web.pages import page

router = APIRouter()


@router.get("/assess", response_class=HTMLResponse)
def assess_index(request: Request) -> HTMLResponse:
    history = assessments.history()
    return page(request, "assess/index.html", nav="assess", specs=assessments.specs(),
                history=history[::-1], latest={r.assessment_id: r for r in history})


def _spec_or_404(request: Request, spec_id: str):
    try:
        return assessments.get_spec(spec_id), None
    except KeyError as exc:
        return None, error_page(request, 404, str(exc.args[0]))


@router.get("/assess/{spec_id}", response_class=HTMLResponse)
def assess_form(request: Request, spec_id: str) -> HTMLResponse:
    spec, missing = _spec_or_404(request, spec_id)
    if missing:
        return missing
    return page(request, "assess/take.html", nav="assess", spec=spec, given={})


@router.post("/assess/{spec_id}", response_class=HTMLResponse)
async def assess_submit(request: Request, spec_id: str) -> HTMLResponse:
    spec, missing = _spec_or_404(request, spec_id)
    if missing:
        return missing
    form = await request.form()
    given: dict[str, int | bool] = {}
    for q in spec.questions:
        value = str(form.get(q.id, ""))
        if spec.scale == "rating" and value in ("1", "2", "3", "4", "5"):
            given[q.id] = int(value)
        elif spec.scale == "yes-no" and value in ("yes", "no"):
            given[q.id] = value == "yes"
    try:
        score(spec, given)
    except ValueError as exc:
        return page(request, "assess/take.html", status_code=422, nav="assess", spec=spec,
                    given=given, problem=f"Answer every statement first ({exc}).")
    result = assessments.save(spec.id, given)
    return RedirectResponse(f"/assess/{spec.id}/{result.id}", 303)


@router.get("/assess/{spec_id}/{result_id}", response_class=HTMLResponse)
def assess_result(request: Request, spec_id: str, result_id: str) -> HTMLResponse:
    spec, missing = _spec_or_404(request, spec_id)
    if missing:
        return missing
    result = next((r for r in assessments.history(spec_id) if r.id == result_id), None)
    if result is None:
        return error_page(request, 404, f"No sitting {result_id} of {spec_id}.")
    band = next((b for b in spec.bands if b.label == result.band), None)
    return page(request, "assess/result.html", nav="assess", spec=spec, result=result, band=band,
                rows=assessments.compare(spec, result.answers))


# --- the plan ---------------------------------------------------------------------------

def _next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


@router.get("/plan", response_class=HTMLResponse)
def plan_page(request: Request) -> HTMLResponse:
    today = datetime.now().astimezone().date()
    try:
        current = plans.current()
    except plans.NoPlan:
        current = None
    context = dict(nav="plan", plan=current, today=today, default_start=_next_monday(today),
                   targets=plans.TARGETS, companies=plans.COMPANIES)
    if current is not None:
        context.update(this_week=plans.week_number(current, today), done=plans.done_items(),
                       items=catalog.catalog(),
                       phases=[(name, list(weeks)) for name, weeks
                               in groupby(current.weeks, key=lambda w: w["phase"])])
    return page(request, "plan.html", **context)


@router.post("/plan", response_class=HTMLResponse)
def plan_create(request: Request, target: str = Form(...), company: str = Form("any"),
                hours_per_week: float = Form(10.0), start: str = Form("")) -> Response:
    try:
        first = date.fromisoformat(start) if start else _next_monday(date.today())
        plans.create(target, company, hours_per_week, first)
    except ValueError as exc:
        return error_page(request, 422, f"The plan could not be made: {exc}.")
    return RedirectResponse("/plan", 303)


@router.post("/plan/replan", response_class=HTMLResponse)
def plan_replan(request: Request) -> Response:
    try:
        plans.replan()
    except plans.NoPlan as exc:
        return error_page(request, 404, str(exc))
    return RedirectResponse("/plan", 303)


@router.get("/plan.md")
def plan_markdown(request: Request) -> Response:
    try:
        text = plans.to_markdown(plans.current())
    except plans.NoPlan as exc:
        return error_page(request, 404, str(exc))
    return Response(text, media_type="text/markdown",
                    headers={"Content-Disposition": 'attachment; filename="onsite-plan.md"'})


@router.get("/plan.ics")
def plan_ics(request: Request) -> Response:
    try:
        data = plans.to_ics(plans.current())
    except plans.NoPlan as exc:
        return error_page(request, 404, str(exc))
    return Response(data, media_type="text/calendar",
                    headers={"Content-Disposition": 'attachment; filename="onsite-plan.ics"'})
