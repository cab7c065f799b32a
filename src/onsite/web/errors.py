"""Errors as pages a learner can read: never a stack trace, always what to do next.

A fragment comes back for htmx requests (it is swapped where the result would have gone),
a whole page otherwise. Unexpected errors leave their traceback in last-error.log, as the
CLI does.
"""

from __future__ import annotations

import logging
import traceback

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from onsite.packs.loader import PackError
from onsite.sessions.catalog import UnknownItem
from onsite.web.pages import is_htmx, page

log = logging.getLogger("onsite.web")

TITLES = {404: "Not found", 405: "Not allowed here", 409: "Not possible right now",
          422: "That form could not be read",
          500: "Something went wrong", 503: "The database is not answering"}


def error_page(request: Request, status: int, message: str, detail: str = "") -> HTMLResponse:
    template = "_error.html" if is_htmx(request) else "error.html"
    return page(request, template, status_code=status, status=status,
                title=TITLES.get(status, "Error"), message=message, detail=detail)


def log_traceback(exc: BaseException) -> str:
    """Write the traceback to last-error.log in the data directory; its path, or "" if not."""
    from onsite import config

    try:
        path = config.data_dir() / "last-error.log"
        path.write_text("".join(traceback.format_exception(exc)))
        return str(path)
    except OSError:
        return ""


def install(app: FastAPI) -> None:
    @app.exception_handler(UnknownItem)
    async def unknown_item(request: Request, exc: UnknownItem) -> HTMLResponse:
        return error_page(request, 404, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> HTMLResponse:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else (
            f"There is no page at {request.url.path}.")
        return error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_form(request: Request, exc: RequestValidationError) -> HTMLResponse:
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return error_page(request, 422, f"Some fields are missing or invalid: {fields}.")

    @app.exception_handler(PackError)
    async def pack_error(request: Request, exc: PackError) -> HTMLResponse:
        lines = "\n".join(str(p) for p in exc.problems[:20])
        return error_page(request, 500, "A content pack has problems, so its items cannot be "
                          "shown. `onsite pack check PATH` lists them.", lines)

    from onsite.sessions.mock import MockError

    @app.exception_handler(MockError)
    async def mock_error(request: Request, exc: MockError) -> HTMLResponse:
        return error_page(request, 409, str(exc))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> HTMLResponse:
        where = log_traceback(exc)
        log.error("database error: %s", exc.__class__.__name__)
        return error_page(request, 503, "onsite could not read or write its database. Nothing "
                          "you did before this was lost; try again in a moment. If it keeps "
                          "happening, check that the disk is not full and that no other program "
                          "holds the database.", f"Details in {where}" if where else "")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> HTMLResponse:
        where = log_traceback(exc)
        log.error("internal error: %s: %s", type(exc).__name__, exc)
        return error_page(request, 500, f"An internal error stopped this page "
                          f"({type(exc).__name__}). Your work is saved.",
                          f"Details in {where}" if where else "")
