"""Reading the few form shapes the pages post: quiz answers and their timing."""

from __future__ import annotations

import time

from starlette.datastructures import FormData

MAX_SECONDS = 3600.0


def quiz_response(form: FormData) -> str:
    """The typed answer as the CLI would have read it: "B", "A,C", "4096" or a phrase.

    Choice questions post one `choice` field per ticked box; the others post `text`.
    """
    letters = [str(v) for v in form.getlist("choice")]
    if letters:
        return ",".join(letters)
    return str(form.get("text", ""))


def seconds_since(shown_at: str | None) -> float:
    """Seconds since the page showed the question (the server's clock, posted back).

    A missing or odd value counts as a minute rather than failing the answer; an
    answer left open overnight is capped at an hour, as the scheduler would read it.
    """
    try:
        elapsed = time.time() - float(shown_at or "")
    except ValueError:
        return 60.0
    return min(max(elapsed, 0.0), MAX_SECONDS)
