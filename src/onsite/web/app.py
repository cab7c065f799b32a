"""The FastAPI app factory: routes, static files, one warm judge, friendly errors."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from onsite.web import errors
from onsite.web.pages import STATIC
from onsite.web.routes import assess, home, items, mock, quiz, review


class JudgeService:
    """One warm sandbox runner for the whole app, made on first use.

    The runner serialises its runs (it holds a lock), so concurrent Run clicks queue
    instead of forking two sandboxes at once on a laptop.
    """

    def __init__(self, factory: Callable[[], Any] | None = None):
        self._factory = factory
        self._runner: Any = None
        self._lock = threading.Lock()

    def runner(self) -> Any:
        with self._lock:
            if self._runner is None:
                if self._factory is None:
                    from onsite.sessions.practice import make_runner

                    self._factory = make_runner
                self._runner = self._factory()
            return self._runner

    def warm(self) -> None:
        """Start the worker now so that it has imported torch before the first Run."""
        runner = self.runner()
        spawn = getattr(runner, "spawn", None)
        if spawn is not None:
            spawn()

    def close(self) -> None:
        with self._lock:
            runner, self._runner = self._runner, None
        if runner is not None:
            runner.close()


def create_app(runner_factory: Callable[[], Any] | None = None, warm: bool = False) -> FastAPI:
    """The web app. ``runner_factory`` makes the judge's runner (default: the sandbox);
    ``warm`` loads the catalogue and starts the judge's worker at startup rather than
    on first use (what `onsite serve` wants; tests leave it off)."""
    judge = JudgeService(runner_factory)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            from starlette.concurrency import run_in_threadpool

            from onsite.sessions.catalog import catalog
            from onsite.store.db import engine

            judge.warm()
            await run_in_threadpool(catalog)  # the first load reads every pack file
            await run_in_threadpool(engine)  # and migrations run once
        try:
            yield
        finally:
            judge.close()

    app = FastAPI(title="onsite", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.judge = judge
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for module in (home, items, quiz, review, assess, mock):
        app.include_router(module.router)
    errors.install(app)
    return app
