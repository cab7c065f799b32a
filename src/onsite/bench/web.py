"""`python -m onsite.bench web [--attempts N] [--runs R]`: how long each page takes at the server.

Fills a fresh database (the default SQLite, under a temporary ONSITE_HOME) with a year of
history: N judged attempts (10,000 by default) spread over the judged items, quiz answers,
written answers with grades, review cards, abilities, daily challenges, a self-assessment,
a plan and a finished mock loop. Then renders every page R times and prints per page the
median and 95th percentile of the time spent inside the app (an ASGI middleware measures
from the request's arrival to the response's last byte, so the test client's own overhead is
not counted). The goal is under 100 ms for every page.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

GOAL_MS = 100.0


def _code(rng: random.Random, item) -> str:
    return item.starter if rng.random() < 0.3 else item.solution_path.read_text()


def _verdict(item_id: str, passed: bool, rng: random.Random) -> dict:
    n = rng.randrange(3, 9)
    tests = [{"name": f"case {k}", "status": "pass" if passed or rng.random() < 0.5 else "fail",
              "message": "" if passed else f"max abs diff {rng.random():.2e} at [0, {k}]",
              "ms": round(rng.random() * 40, 1)} for k in range(n)]
    return {"item": item_id, "status": "pass" if passed else "fail", "tests": tests,
            "ms": round(rng.random() * 400, 1), "output": "", "isolation": "namespaces+seccomp",
            "message": f"{sum(t['status'] == 'pass' for t in tests)}/{n} cases passed",
            "curve": [], "level": 0}


def fill(attempts: int = 10_000, seed: int = 0) -> dict[str, int]:
    """Write a year of plausible history for the local learner; returns row counts."""
    from fsrs import Rating

    from onsite.learn import schedule
    from onsite.sessions import assess, catalog
    from onsite.store.db import session
    from onsite.store.models import (
        AbilityEstimate,
        Attempt,
        DailySession,
        HintReveal,
        QuizResponse,
        ReviewCard,
        WrittenAnswer,
    )

    rng = random.Random(seed)
    items = catalog.catalog()
    judged = sorted(i for i, it in items.items() if it.meta.kind in ("code", "paper", "debug", "levels"))
    quiz = sorted(i for i, it in items.items() if it.meta.kind == "quiz")
    opened = sorted(i for i, it in items.items() if it.meta.kind == "open")
    now = datetime.now(UTC)
    counts = {"attempts": attempts, "quiz_responses": attempts // 2, "written_answers": 300}

    def moment() -> datetime:
        return now - timedelta(days=rng.random() ** 1.5 * 365, minutes=rng.randrange(600))

    with session() as s:
        rows = []
        for _ in range(attempts):
            item_id = rng.choice(judged)
            passed = rng.random() < 0.45
            rows.append(Attempt(
                learner="local", item_id=item_id, kind=items[item_id].meta.kind,
                created_at=moment(), status="pass" if passed else "fail", passed=passed,
                duration_s=rng.random() * 3600, hints_used=rng.randrange(3),
                code=_code(rng, items[item_id]), verdict=_verdict(item_id, passed, rng)))
        s.add_all(rows)
        s.add_all(QuizResponse(
            learner="local", item_id=rng.choice(quiz), mode=rng.choice(
                ["practice", "adaptive", "review", "daily", "rapid"]),
            session_id=None, response="A", correct=rng.random() < 0.65,
            seconds=rng.random() * 60, created_at=moment()) for _ in range(counts["quiz_responses"]))
        for _ in range(counts["written_answers"]):
            item_id = rng.choice(opened)
            s.add(WrittenAnswer(
                learner="local", item_id=item_id, question="q", answer="An answer. " * 40,
                created_at=moment(),
                grade={"kind": "rubric", "score": rng.random(), "level": rng.choice(
                    ["strong", "lean", "no"]), "points": [], "ignored": []}))
        s.add_all(HintReveal(learner="local", item_id=i, hint_index=0, revealed_at=moment())
                  for i in rng.sample(judged, 60))
        touched = rng.sample(judged, min(200, len(judged))) + rng.sample(quiz, 300)
        for item_id in touched:
            card, due = None, moment()
            for _ in range(rng.randrange(1, 4)):
                card, due = schedule.review(card, rng.choice(list(Rating)), moment())
            # Some are due now, most later: as in a real queue.
            due = now + timedelta(days=rng.uniform(-3, 20))
            s.add(ReviewCard(learner="local", item_id=item_id, card=card, due=due,
                             last_rating=3, reviews=2, updated_at=now - timedelta(days=2)))
        for topic in ("attention", "precision", "optimisation", "probability", "memory",
                      "transformers", "rlhf", "inference"):
            s.add(AbilityEstimate(learner="local", topic=topic, theta=rng.uniform(-2, 2),
                                  se=rng.uniform(0.3, 0.9), items=12, created_at=moment()))
        today = datetime.now().astimezone().date()
        for back in range(1, 60):
            s.add(DailySession(learner="local", day=(today - timedelta(days=back)).isoformat(),
                               picks={"reviews": rng.sample(judged, 2), "new": rng.choice(judged),
                                      "stretch": rng.choice(judged)}))
    spec = assess.get_spec("re-skills")
    assess.save(spec.id, {q.id: rng.randrange(1, 6) for q in spec.questions})
    return counts


def finish_a_mock_loop() -> str | None:
    """A finished quick loop (ended round by round) so the report pages have one to show."""
    try:
        from onsite.sessions import mock
    except ImportError:
        return None
    sitting = mock.start(mock.find_loop(None, quick=True).id, seed=1)
    while sitting.status == "running" and sitting.current is not None:
        mock.begin(sitting)
        mock.end_round(sitting)
    return sitting.id


def pages(mock_id: str | None) -> list[tuple[str, str]]:
    """(name, URL) of every page, with real ids from the filled database."""
    from onsite.sessions import assess, catalog, quiz

    items = catalog.catalog()

    def first(kind: str) -> str:
        return next(i for i in sorted(items) if items[i].meta.kind == kind)

    result = assess.history("re-skills")[-1].id
    quiz_item = items[first("quiz")]
    topic = quiz.adaptive_topics()[0]
    start = f"{time.time():.0f}"
    urls = [
        ("home", "/"),
        ("home: mock reports", "/home/mock-reports"),
        ("items", "/items"),
        ("items filtered", "/items?kind=code&topic=attention&q=attention&status=tried"),
        ("item: code", "/items/attention/scaled-dot-product"),
        ("item: paper", f"/items/{first('paper')}"),
        ("item: debug", f"/items/{first('debug')}"),
        ("item: levels", f"/items/{first('levels')}"),
        ("item: open", f"/items/{first('open')}"),
        ("item: quiz", f"/items/{quiz_item.id}"),
        ("quiz", "/quiz"),
        ("quiz practice", "/quiz/practice/0123456789abcdef0123456789abcdef?topic=&count=10"),
        ("adaptive test", f"/quiz/adaptive/{topic}/0123456789abcdef0123456789abcdef"),
        ("rapid fire", f"/quiz/rapid/0123456789abcdef0123456789abcdef?seed=1&minutes=10"
                       f"&topic=&start={start}"),
        ("review", "/review"),
        ("daily", "/daily"),
        ("readiness", "/assess"),
        ("readiness form", "/assess/re-skills"),
        ("readiness result", f"/assess/re-skills/{result}"),
        ("plan", "/plan"),
        ("mock loops", "/mock"),
        ("not found", "/items/no/such-item"),
    ]
    if mock_id:
        urls.append(("mock report", f"/mock/{mock_id}/report"))
    return urls


class _Timer:
    """ASGI middleware: the time each request spends in the app, in ms, by path."""

    def __init__(self, app):
        self.app = app
        self.last_ms = 0.0

    async def __call__(self, scope, receive, send):
        start = time.perf_counter()
        await self.app(scope, receive, send)
        self.last_ms = (time.perf_counter() - start) * 1000


def bench_web(attempts: int = 10_000, runs: int = 30) -> dict:
    from fastapi.testclient import TestClient

    from onsite.sessions import catalog
    from onsite.sessions import plan as plans
    from onsite.store.db import engine
    from onsite.web.app import create_app

    # Always a fresh database: the bench writes a year of made-up history.
    os.environ["ONSITE_HOME"] = tempfile.mkdtemp(prefix="onsite-bench-web-")
    os.environ.pop("ONSITE_DATABASE_URL", None)
    engine.cache_clear()
    catalog.catalog()
    started = time.perf_counter()
    counts = fill(attempts)
    plans.create("re", "any", 10, datetime.now().astimezone().date() - timedelta(days=15))
    mock_id = finish_a_mock_loop()
    fill_s = time.perf_counter() - started
    timer = _Timer(create_app())
    client = TestClient(timer)
    results = {}
    for name, url in pages(mock_id):
        timings = []
        status = None
        for k in range(runs + 2):
            response = client.get(url, follow_redirects=False)
            status = response.status_code
            if k >= 2:  # the first renders fill caches (templates, markdown, catsim imports)
                timings.append(timer.last_ms)
        timings.sort()
        results[name] = {"url": url, "status": status,
                         "median_ms": round(statistics.median(timings), 1),
                         "p95_ms": round(timings[max(0, round(0.95 * len(timings)) - 1)], 1)}
    return {"history": counts, "fill_s": round(fill_s, 1), "runs": runs, "goal_ms": GOAL_MS,
            "pages": results}


def render(report: dict) -> str:
    lines = [f"{report['history']['attempts']:,} attempts, "
             f"{report['history']['quiz_responses']:,} quiz answers, "
             f"{report['history']['written_answers']} written answers (filled in "
             f"{report['fill_s']} s); {report['runs']} renders per page, time inside the app:",
             "", f"{'page':<20} {'status':>6} {'median ms':>10} {'p95 ms':>8}", "-" * 47]
    slow = []
    for name, r in report["pages"].items():
        lines.append(f"{name:<20} {r['status']:>6} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f}")
        if r["p95_ms"] >= report["goal_ms"]:
            slow.append(name)
    lines += ["", f"goal: every page under {report['goal_ms']:.0f} ms: "
              + ("met" if not slow else "NOT met by " + ", ".join(slow))]
    return "\n".join(lines)
