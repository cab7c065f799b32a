"""Screenshots of every page at desktop (1440x900) and laptop (1280x720) widths.

Saved under artifacts/screenshots/<width>x<height>/ for a person to look at (CI keeps
them). The server runs over a seeded history, so the dashboard has something to draw.
Each page is also checked for what a broken page shows: no heading, a traceback, an
error status, a horizontal scroll bar.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import webtools
from webtools import ARTIFACTS, LiveServer, browser_or_skip, reset_artifacts

browser = webtools.browser  # the shared chromium fixture

VIEWPORTS = [(1440, 900), (1280, 720)]

SEED = """
from datetime import date, timedelta
from onsite.bench.web import fill, finish_a_mock_loop
from onsite.sessions import plan
fill(1500, seed=3)
plan.create("re", "openai", 10, date.today() - timedelta(days=20))
finish_a_mock_loop()
"""

PAGES = [
    ("home", "/"),
    ("items", "/items"),
    ("items-filtered", "/items?kind=code&difficulty=medium&q=attention"),
    ("item-code", "/items/attention/scaled-dot-product"),
    ("item-paper", "/items/transformers/mixture-of-depths"),
    ("item-debug", "/items/classification/mlp-blobs"),
    ("item-levels", "/items/mlops/experiment-tracker"),
    ("item-open", "/items/system-design/rlhf-pipeline"),
    ("item-quiz", "/items/quiz/precision/bf16-vs-fp16"),
    ("quiz", "/quiz"),
    ("quiz-practice", "/quiz/practice?topic=precision&count=5"),
    ("quiz-adaptive", "/quiz/adaptive?topic=precision"),
    ("quiz-rapid", "/quiz/rapid?minutes=5"),
    ("review", "/review"),
    ("daily", "/daily"),
    ("readiness", "/assess"),
    ("readiness-form", "/assess/re-skills"),
    ("plan", "/plan"),
    ("mock", "/mock"),
    ("not-found", "/items/no/such-item"),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    browser_or_skip()
    home = tmp_path_factory.mktemp("screens")
    env = {**os.environ, "ONSITE_HOME": str(home), "ONSITE_WORKSPACE": str(home / "workspace")}
    env.pop("ONSITE_DATABASE_URL", None)
    env.pop("ONSITE_PACKS", None)
    subprocess.run([sys.executable, "-c", SEED], env=env, check=True, timeout=300)
    server = LiveServer(home, [])
    yield server
    server.close()


def _check(page, response, name: str) -> None:
    assert response is not None
    expected = 404 if name == "not-found" else 200
    assert response.status == expected, f"{name}: HTTP {response.status}"
    body = page.content()
    assert "Traceback" not in body, name
    assert page.locator("h1").count() >= 1, f"{name}: no heading"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name}: the page scrolls sideways by {overflow}px"


def test_screenshots_of_every_page(seeded, browser):
    out = reset_artifacts(ARTIFACTS / "screenshots")
    for width, height in VIEWPORTS:
        folder = out / f"{width}x{height}"
        folder.mkdir()
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        extra = []
        for name, path in PAGES:
            response = page.goto(seeded.url + path, wait_until="load")
            page.evaluate("document.fonts.ready")
            _check(page, response, name)
            page.screenshot(path=str(folder / f"{name}.png"))
            if name == "readiness":
                extra.append(("readiness-result", page.get_by_role("link", name="Last result")
                              .get_attribute("href")))
            if name == "mock":
                extra.append(("mock-report", page.locator("#reports-h + ul a").first
                              .get_attribute("href")))
        for name, path in extra:
            response = page.goto(seeded.url + path, wait_until="load")
            _check(page, response, name)
            page.screenshot(path=str(folder / f"{name}.png"))
        # A mock round in progress, with its clock: start the quick loop and begin round 1.
        if width == VIEWPORTS[0][0]:
            page.goto(seeded.url + "/mock")
            page.locator("form:has(input[value=quick]) button").click()
            page.screenshot(path=str(folder / "mock-round-brief.png"))
            page.get_by_role("button", name="Begin round 1").click()
            page.wait_for_selector(".countdown")
            _check(page, page.reload(), "mock-round")
            page.screenshot(path=str(folder / "mock-round.png"))
            page.locator("details:has-text('Abandon') summary").click()
            page.get_by_role("button", name="Abandon the loop").click()
        context.close()
    shots = sorted(p.name for p in (out / "1440x900").glob("*.png"))
    assert len(shots) == len(PAGES) + 4, shots
