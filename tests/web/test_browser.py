"""The learner's flows in a real browser: Debian's chromium driven by playwright.

One server (a subprocess with its own ONSITE_HOME) for the module, over the built-in pack
and the tiny test packs. Each test walks one flow the way a person would, by keyboard
where the flow has a shortcut, and checks what the page then says.
"""

from __future__ import annotations

import re

import pytest
import webtools
from conftest import make_quiz_pack, make_tiny_pack
from webtools import LiveServer, browser_or_skip, save_failure_artifacts

browser = webtools.browser  # the shared chromium fixture

QUIZ_TOPIC = "clustering"
OPEN_ITEM = "system-design/rlhf-pipeline"
TIMEOUT_MS = 120_000  # the first grade loads the embedding model; the first run warms torch


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser-packs")
    return {"tiny": make_tiny_pack(root / "tiny"),
            "quiz": make_quiz_pack(root / "quiz", topic=QUIZ_TOPIC)}


@pytest.fixture(scope="module")
def server(tmp_path_factory, packs):
    browser_or_skip()
    live = LiveServer(tmp_path_factory.mktemp("browser-home"), list(packs.values()))
    yield live
    live.close()


@pytest.fixture
def page(browser, server, request):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    failed_before = request.session.testsfailed
    yield tab
    if request.session.testsfailed > failed_before:  # the call phase is reported by now
        save_failure_artifacts(tab, request.node.name)
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_solve_an_item_fail_then_pass_with_a_hint(page, server, packs):
    page.goto(server.url + "/items/tiny/add")
    editor = page.locator(".cm-content")
    assert "NotImplementedError" in editor.inner_text()  # CodeMirror holds the starter
    # Python highlighting: keywords sit in their own coloured spans.
    keyword = page.locator(".cm-line span", has_text=re.compile(r"^def$")).first
    assert keyword.evaluate("e => getComputedStyle(e).color") != editor.evaluate(
        "e => getComputedStyle(e).color")

    # Run the starter with the keyboard shortcut: it fails, case by case.
    editor.click()
    page.keyboard.press("Control+Enter")
    verdict = page.locator("#verdict .verdict")
    verdict.wait_for()
    assert verdict.get_attribute("data-status") == "error"
    assert "0/3 cases passed" in verdict.inner_text()
    assert page.locator("#verdict tr[data-case-status=error]").count() == 3
    assert "Show the worked explanation" in page.locator("#explanation").inner_text()

    # A hint, one at a time.
    page.get_by_role("button", name="Show hint 1 of 2").click()
    page.locator(".hint-card").first.wait_for()
    assert "Use +." in page.locator("#hints").inner_text()
    assert page.get_by_role("button", name="Show hint 2 of 2").is_visible()

    # Paste the reference over the starter and run with the button: it passes.
    reference = (packs["tiny"] / "code/tiny/add/.meta/solution.py").read_text()
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(reference)
    page.get_by_role("button", name="Run the judge").click()
    page.locator("#verdict .verdict[data-status=pass]").wait_for()
    assert "3/3 cases passed" in page.locator("#verdict").inner_text()
    assert "Your attempts (2)" in page.locator("#history").inner_text()

    # A reload opens the editor on the latest submission.
    page.reload()
    assert "return a + b" in page.locator(".cm-content").inner_text()


def test_answer_a_quiz_question(page, server):
    page.goto(server.url + f"/items/quiz/{QUIZ_TOPIC}/square-2")  # 4: single choice
    choice = page.locator("label.choice", has_text=re.compile(r"^\s*[A-D]\s*4\s*$"))
    choice.click()
    page.get_by_role("button", name="Answer").click()
    outcome = page.locator(".outcome")
    outcome.wait_for()
    assert "Right" in outcome.inner_text()
    assert "2 times 2 is 4" in page.locator("#question").inner_text()  # the explanation


def _answer_right(page) -> None:
    """Answer the question on screen correctly (make_quiz_pack: question k asks k squared)."""
    text = page.locator(".question-text").inner_text()
    if "power two" in text:
        page.get_by_label("Your answer").fill("square")
    else:
        k = int(re.search(r"(\d+) squared", text).group(1))
        box = page.locator("input[name=text]")
        if box.count():
            box.fill(str(k * k))
        else:
            page.locator("label.choice", has_text=re.compile(rf"^\s*[A-H]\s*{k * k}\s*$")).click()
    page.get_by_role("button", name="Answer").click()


def test_a_short_adaptive_test(page, server):
    page.goto(server.url + f"/quiz/adaptive?topic={QUIZ_TOPIC}")
    assert re.search(r"/quiz/adaptive/clustering/[0-9a-f]{32}$", page.url)
    for asked in range(1, 13):
        if page.locator("[data-testid=adaptive-result]").count():
            break
        _answer_right(page)
        page.locator("[data-testid=ability-line]", has_text=f"after {asked} question").wait_for()
    result = page.locator("[data-testid=adaptive-result]")
    assert result.count(), "the test did not finish in 12 questions"
    heading = result.locator("h2").inner_text()
    assert re.search(r"Your ability on clustering: \+\d\.\d\d ± 0\.\d\d", heading), heading
    # The test survives a reload: the page at the same address shows the same result.
    page.reload()
    assert page.locator("[data-testid=adaptive-result] h2").inner_text() == heading
    page.goto(server.url + "/")
    assert "clustering" in page.locator("svg.chart[aria-label^='ability per topic']").inner_html()


def test_grade_an_open_answer(page, server):
    from onsite.packs.loader import BUILTIN_PACK, load_item

    rubric = load_item(BUILTIN_PACK / "open" / OPEN_ITEM).rubric
    page.goto(server.url + f"/items/{OPEN_ITEM}")
    page.locator("textarea[name=answer]").fill(rubric.model_answer)
    page.get_by_role("button", name="Grade my answer").click()
    result = page.locator(".grade-result")
    result.wait_for()
    text = result.inner_text()
    assert "rubric score" in text and "Hire" in text
    covered = page.locator(".points tr.covered").count()
    assert covered >= 3, text  # the model answer makes most points
    assert page.locator("[data-testid=highlighted-answer] mark.evidence").count() >= 1


def test_a_quick_mock_loop_to_its_report(page, server):
    page.goto(server.url + "/mock")
    page.locator("form:has(input[value=quick]) button").click()
    assert "Rapid-fire" in page.locator("h2").first.inner_text()

    # Round 1: rapid-fire. Its clock is the server's: a reload shows the same deadline.
    page.get_by_role("button", name=re.compile("Begin round 1")).click()
    deadline = page.locator(".countdown").get_attribute("data-deadline")
    page.reload()
    assert page.locator(".countdown").get_attribute("data-deadline") == deadline
    assert re.match(r"\d+:\d\d left", page.locator(".countdown").inner_text())
    if page.locator("label.choice").count():  # any answer will do: the round is timed
        page.locator("label.choice").first.click()
    else:
        page.locator("input[name=text]").fill("42")
    page.get_by_role("button", name="Answer").click()
    assert "question 2 of" in page.locator(".quiz-card").inner_text()
    page.get_by_role("button", name="End this round now").click()

    # Round 2: coding. Submit the starter (it fails), then end the round.
    page.get_by_role("button", name=re.compile("Begin round 2")).click()
    page.locator(".cm-content").click()
    page.keyboard.press("Control+Enter")
    page.locator("#verdict .verdict").wait_for()
    assert page.locator("#verdict .verdict").get_attribute("data-status") != "pass"
    page.get_by_role("button", name="End this round now").click()

    # Round 3: discussion, graded on hand-in; then the report.
    page.get_by_role("button", name=re.compile("Begin round 3")).click()
    page.locator("textarea[name=answer]").fill(
        "I would first pin down the goal and the metric, then compare against a simple "
        "baseline at equal compute, and finally ablate each new component on its own.")
    page.get_by_role("button", name="Hand in my answer").click()
    page.get_by_role("link", name=re.compile("See the report")).click()
    assert re.search(r"/mock/[0-9a-f]{32}/report$", page.url)
    overall = page.locator("[data-testid=overall]").inner_text()
    assert overall in ("Strong Hire", "Lean Hire", "No Hire")
    rows = page.locator("table tbody tr")
    assert rows.count() == 3
    assert "Coding" in rows.nth(1).inner_text() and "No Hire" in rows.nth(1).inner_text()
    assert "Weakest areas" in page.locator("main").inner_text()
    page.goto(server.url + "/")
    # The dashboard's mock card fills in after the page shows.
    page.locator("section[aria-labelledby=mock-h] a", has_text="Quick loop").wait_for()
