"""Every page of the web app through FastAPI's TestClient: fast, no browser.

One app and one ONSITE_HOME for the module (loading the built-in pack takes seconds), with
the tiny packs from tests/conftest.py beside it. The open-answer grader gets a stand-in
embedding model (a bag of hashed words) and its uncalibrated defaults, so grading takes
milliseconds; the judge is the real sandbox, as the flows it serves depend on its verdicts.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib

import numpy as np
import pytest
from conftest import LEVEL_ONE, make_quiz_pack, make_tiny_levels_pack, make_tiny_pack, right_answer

REFERENCE = "def add(a, b):\n    return a + b\n"
OPEN_ITEM = "system-design/rlhf-pipeline"
QUIZ_TOPIC = "clustering"


def fake_embed(texts: list[str]) -> np.ndarray:
    """Same content words, same vector: enough to check which sentence evidences which
    point. crc32, not hash(): str hashes change per process, and so would collisions."""
    from onsite.grade.rubric import content

    out = np.zeros((len(texts), 1024), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in content(text):
            out[row, zlib.crc32(word.encode()) % 1024] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("pages")
    packs = [make_tiny_pack(root / "tiny"), make_quiz_pack(root / "quiz", topic=QUIZ_TOPIC),
             make_tiny_levels_pack(root / "levels")]
    mp.setenv("ONSITE_HOME", str(root / "home"))
    mp.setenv("ONSITE_WORKSPACE", str(root / "workspace"))
    mp.setenv("ONSITE_PACKS", ":".join(str(p) for p in packs))
    mp.delenv("ONSITE_DATABASE_URL", raising=False)
    mp.setattr("onsite.grade.rubric.minilm", fake_embed)
    # The uncalibrated grader (credit from similarity alone) suits the stand-in embeddings.
    from onsite.grade.rubric import Calibration

    mp.setattr(Calibration, "load", classmethod(lambda cls: cls()))
    from onsite.sessions.catalog import catalog
    from onsite.store.db import engine

    catalog.cache_clear()
    engine.cache_clear()
    catalog()
    yield root
    engine.cache_clear()
    catalog.cache_clear()
    mp.undo()


@pytest.fixture(scope="module")
def client(env):
    from fastapi.testclient import TestClient

    from onsite.web.app import create_app

    with TestClient(create_app()) as c:
        yield c


def text_of(html: str) -> str:
    """The visible text, roughly: tags out, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


PAGES = [
    ("/", ["Daily challenge", "Due for review", "Ability per topic", "Activity",
           "Latest mock reports"]),
    ("/items?q=tiny", ["Add two tensors", "A counter, level by level", "Search"]),
    ("/items/tiny/add", ["Return a + b", "Run the judge", "Show hint 1 of 2",
                         "unlocks after your first run"]),
    ("/items/tiny/counter", ["Level 1 of 2", "Spec of level 1"]),
    (f"/items/{OPEN_ITEM}", ["Design an RLHF pipeline", "Grade my answer"]),
    (f"/items/quiz/{QUIZ_TOPIC}/square-1", ["Which number is 1 squared?", "Choose one"]),
    ("/quiz", ["Practice", "Adaptive test", "Rapid fire", QUIZ_TOPIC]),
    ("/review", ["Review", "Quiz questions due"]),
    ("/daily", ["Daily challenge", "day streak"]),
    ("/assess", ["Readiness", "Research Engineer skill matrix"]),
    ("/assess/re-skills", ["Rate yourself", "Save and compare"]),
    ("/plan", ["Your 12-week plan", "Make my plan"]),
    ("/mock", ["Mock loops", "Quick loop (60 minutes)", "Start this loop"]),
    ("/home/mock-reports", ["No mock loop finished yet"]),
]


@pytest.mark.parametrize(("url", "wanted"), PAGES, ids=[u for u, _ in PAGES])
def test_every_page_renders_its_content(client, url, wanted):
    response = client.get(url)
    assert response.status_code == 200, response.text[-2000:]
    text = text_of(response.text)
    for phrase in wanted:
        assert phrase in text, f"{url}: {phrase!r} missing"
    assert "Traceback" not in response.text
    assert ("<h1" in response.text) == (not url.startswith("/home/"))  # partials have none


def test_the_item_browser_filters_and_searches(client):
    found = text_of(client.get("/items", params={"q": "add tensors", "kind": "code"}).text)
    assert "Add two tensors" in found and "1 item" in found
    assert "A counter" not in found
    levels = text_of(client.get("/items", params={"kind": "levels", "company": "anthropic"}).text)
    assert "A counter" not in levels  # the tiny levels item names no company
    partial = client.get("/items", params={"topic": QUIZ_TOPIC},
                         headers={"HX-Request": "true", "HX-Target": "results"})
    assert "<html" not in partial.text and "square" in partial.text.lower()


def test_an_unknown_item_is_a_404_page_with_suggestions(client):
    response = client.get("/items/tiny/ad")
    assert response.status_code == 404
    text = text_of(response.text)
    assert "Not found" in text and "tiny/add" in text and "Traceback" not in response.text
    assert client.get("/no/such/page").status_code == 404


def test_errors_are_friendly_pages_without_a_traceback(env, monkeypatch):
    from fastapi.testclient import TestClient
    from sqlalchemy.exc import OperationalError

    from onsite.sessions import review
    from onsite.web.app import create_app

    client = TestClient(create_app(), raise_server_exceptions=False)

    def broken_database(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    monkeypatch.setattr(review, "due_summary", broken_database)
    response = client.get("/review")
    assert response.status_code == 503
    assert "could not read or write its database" in response.text
    assert "Traceback" not in response.text and "OperationalError(" not in response.text

    def bug(*args, **kwargs):
        raise RuntimeError("something internal")

    monkeypatch.setattr(review, "due_summary", bug)
    response = client.get("/review")
    assert response.status_code == 500
    assert "Your work is saved" in response.text and "Traceback" not in response.text
    assert (env / "home" / "data" / "last-error.log").read_text().startswith("Traceback")


def test_run_fails_with_the_starter_then_passes(client):
    starter = client.get("/items/tiny/add").text
    assert "NotImplementedError" in starter
    first = client.post("/run/tiny/add", data={"code": "def add(a, b):\n    raise NotImplementedError\n"},
                        headers={"HX-Request": "true"})
    assert first.status_code == 200
    text = text_of(first.text)
    assert "0/3 cases passed" in text and "small vectors" in text
    assert 'id="explanation"' in first.text and "Addition is elementwise" in first.text
    second = client.post("/run/tiny/add", data={"code": REFERENCE}, headers={"HX-Request": "true"})
    text = text_of(second.text)
    assert "passed" in text and "3/3 cases passed" in text
    assert "Your attempts (2)" in text
    page = client.get("/items/tiny/add").text
    assert "return a + b" in page  # the editor opens on the latest submission
    assert "0/3 cases passed" in text_of(page)  # and the history keeps the failure


def test_a_broken_judge_is_a_message_on_the_page(env):
    from fastapi.testclient import TestClient

    from onsite.web.app import create_app

    class Broken:
        def run(self, request):
            raise OSError("the worker could not start")

        def close(self):
            pass

    client = TestClient(create_app(runner_factory=Broken), raise_server_exceptions=False)
    response = client.post("/run/tiny/add", data={"code": REFERENCE},
                           headers={"HX-Request": "true"})
    assert response.status_code == 500
    assert "The judge could not run your code" in response.text
    assert "Traceback" not in response.text


def test_hints_come_one_at_a_time(client):
    first = text_of(client.post("/hint/tiny/add").text)
    assert "hint 1 of 2" in first and "Use +." in first and "Show hint 2 of 2" in first
    second = text_of(client.post("/hint/tiny/add").text)
    assert "hint 2 of 2" in second and "All 2 hints are shown" in second
    again = text_of(client.post("/hint/tiny/add").text)
    assert again.count("hint 2 of 2") == 1


def test_levels_show_the_current_level_and_its_failures_only(client):
    response = client.post("/run/tiny/counter", data={"code": LEVEL_ONE},
                           headers={"HX-Request": "true"})
    text = text_of(response.text)
    assert "level 2 of 2" in text and "Levels 1 to 1 pass" in text
    assert "top keys by count" in text  # a failing level-2 test
    assert "counts add up" not in text  # passing level-1 tests are not listed
    assert "Spec of level 2" in response.text  # the next spec is revealed


def test_quiz_answers_right_wrong_and_unreadable(client):
    from onsite.sessions.catalog import get_item

    item = get_item(f"quiz/{QUIZ_TOPIC}/square-3")  # numeric: 9
    url = f"/answer/{item.id}"
    right = text_of(client.post(url, data={"text": right_answer(item), "mode": "practice"}).text)
    assert "Right" in right and "9" in right
    wrong = text_of(client.post(url, data={"text": "10"}).text)
    assert "Not quite" in wrong and "The answer: 9" in wrong
    unreadable = client.post(url, data={"text": "banana"})
    assert unreadable.status_code == 422 and "is not a number" in unreadable.text


def test_a_practice_round_counts_its_answers(client):
    page = client.get(f"/quiz/practice?topic={QUIZ_TOPIC}&count=2")
    round_url = str(page.url)
    for _ in range(2):
        item_id = re.search(r'name="item_id" value="([^"]+)"', page.text).group(1)
        from onsite.sessions.catalog import get_item

        client.post(round_url.replace("http://testserver", ""),
                    data={"item_id": item_id, "text": right_answer(get_item(item_id)),
                          "choice": right_answer(get_item(item_id)).split(",")})
        page = client.get(round_url)
    assert "2/2 right" in text_of(page.text)


def test_an_adaptive_test_runs_to_its_estimate(client):
    from onsite.sessions.catalog import get_item

    page = client.get(f"/quiz/adaptive?topic={QUIZ_TOPIC}")
    url = str(page.url).replace("http://testserver", "")
    for _ in range(13):
        found = re.search(r'name="item_id" value="([^"]+)"', page.text)
        if found is None:
            break
        item = get_item(found.group(1))
        answer = right_answer(item)
        data = {"item_id": item.id}
        data.update({"choice": answer.split(",")} if item.quiz.type in ("single", "multiple")
                    else {"text": answer})
        page = client.post(url, data=data)
        assert "Right" in page.text
    result = text_of(client.get(url).text)
    assert f"Your ability on {QUIZ_TOPIC}" in result
    assert re.search(r"ability on \w+: \+\d\.\d\d ± 0\.\d\d", result)


def test_rapid_fire_moves_on_and_reports(client):
    page = client.get(f"/quiz/rapid?minutes=5&topic={QUIZ_TOPIC}")
    url = str(page.url).replace("http://testserver", "")
    assert "data-deadline" in page.text
    item_id = re.search(r'name="item_id" value="([^"]+)"', page.text).group(1)
    after = client.post(url, data={"item_id": item_id, "choice": "A", "text": "square"})
    assert item_id not in re.findall(r'name="item_id" value="([^"]+)"', after.text)
    report = text_of(client.get(url + "&stop=1").text)
    assert "Rapid fire: report" in report and "/1 right" in report


def test_grading_an_open_answer_marks_the_evidence(client):
    from onsite.sessions.catalog import get_item

    rubric = get_item(OPEN_ITEM).rubric
    point = " ".join(rubric.points[0].text.split())
    answer = f"{point} Then I would measure carefully and write everything down for the team."
    response = client.post(f"/grade/{OPEN_ITEM}", data={"answer": answer},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200, response.text
    marks = re.findall(r'<mark class="evidence"[^>]*>(.*?)<sup>1</sup></mark>', response.text,
                       re.S)
    assert marks and "supervised fine-tuning" in marks[0], text_of(response.text)[:3000]
    text = text_of(response.text)
    assert "rubric score" in text and ("Hire" in text)
    short = client.post(f"/grade/{OPEN_ITEM}", data={"answer": "too short"})
    assert short.status_code == 422 and "write at least" in short.text


def test_bugs_are_named_after_a_pass(client):
    from onsite.judge.verdict import Verdict
    from onsite.sessions import practice

    item = "classification/mlp-blobs"
    early = client.post(f"/bugs/{item}", data={"claims": "17 double-softmax"})
    assert early.status_code == 422 and "after your repaired script passes" in early.text
    practice.record_attempt(item, "debug", "# repaired", Verdict(item, "pass"))
    assert "Name the bugs you fixed" in client.get(f"/items/{item}").text
    scored = text_of(client.post(f"/bugs/{item}", data={
        "claims": "18 double-softmax\n39 missing-zero-grad\n5 wrong-init"}).text)
    assert "2/3 bugs named" in scored and "missed" in scored and "not a planted bug" in scored


def test_a_self_assessment_is_compared_with_the_evidence(client):
    from onsite.sessions.assess import get_spec

    spec = get_spec("re-skills")
    missing = client.post("/assess/re-skills", data={spec.questions[0].id: "3"})
    assert missing.status_code == 422 and "Answer every statement" in missing.text
    done = client.post("/assess/re-skills", data={q.id: "5" for q in spec.questions})
    assert done.status_code == 200
    text = text_of(done.text)
    assert f"{5 * len(spec.questions)}/{spec.max_score}" in text
    assert "Your rating beside the evidence" in text


def test_a_plan_is_made_and_shown_as_a_calendar(client):
    response = client.post("/plan", data={"target": "re", "company": "openai",
                                          "hours_per_week": "8", "start": "2026-01-05"})
    assert response.status_code == 200
    text = text_of(response.text)
    assert "Week 1" in text and "Week 12" in text and "Research foundation" in text
    assert "05 Jan – 11 Jan" in text
    assert client.get("/plan.ics").text.startswith("BEGIN:VCALENDAR")
    bad = client.post("/plan", data={"target": "xx"})
    assert bad.status_code == 422 and "target is one of" in bad.text


def test_the_dashboard_draws_its_charts_after_activity(client):
    client.post("/run/tiny/add", data={"code": REFERENCE})  # at least one judged attempt
    html = client.get("/").text
    svgs = re.findall(r"<svg class=\"chart.*?</svg>", html, re.S)
    assert any("activity calendar" in s for s in svgs)
    assert any("pass rate and mean minutes" in s for s in svgs)
    for svg in svgs:
        ET.fromstring(svg)  # well-formed


def test_serve_is_a_command_that_imports_nothing_heavy_for_help():
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "onsite", "--help"],
                          capture_output=True, text=True, timeout=60)
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert "serve" in done.stdout
    assert not {"fastapi", "uvicorn", "starlette", "onsite.web"} & imported
    helped = subprocess.run([sys.executable, "-m", "onsite", "serve", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert "--port" in helped.stdout and "--no-browser" in helped.stdout


def test_markdown_keeps_the_maths_for_katex():
    from onsite.web.markdown import render

    html = render("Cost $5 and $10. Then $a_i * b_j$ and\n\n$$\nx \\\\ y_{<t}\n$$\n")
    assert "Cost $5 and $10." in html
    assert "\\(a_i * b_j\\)" in html  # no emphasis made of the *
    assert "\\[x \\\\ y_{&lt;t}\\]" in html  # the line break survives, the < is escaped
    assert "<script" not in render("<script>alert(1)</script>")


def test_evidence_spans_merge_where_they_overlap():
    from onsite.web.highlight import evidence_spans, highlight

    answer = "First sentence here. Second one, which is long; and a clause."
    spans = evidence_spans(answer, [("Second one, which is long; and a clause.", "2"),
                                    ("and a clause.", "3"), ("not in the answer", "4")])
    assert spans == [(21, len(answer), ["2", "3"])]
    assert str(highlight("a < b", [("a < b", "1")])).startswith('<mark class="evidence"')
