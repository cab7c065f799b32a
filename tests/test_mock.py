"""Mock loops: the signal rules, the clocks, and a quick loop driven through the CLI with a
crash in the middle."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import make_tiny_pack, right_answer, wrong_answer

from onsite.grade import mock as rules
from onsite.grade.mock import LEAN, NO, STRONG, Signal

ROOT = Path(__file__).resolve().parents[1]
ONSITE = [sys.executable, "-m", "onsite"]


# ---------------------------------------------------------------- signal rules


@pytest.mark.parametrize(("kind", "result", "used_min", "want"), [
    ("code", {"submitted": True, "passed": True, "tests_total": 6, "tests_passed": 6}, 30, STRONG),
    ("code", {"submitted": True, "passed": True, "tests_total": 6, "tests_passed": 6}, 40, LEAN),
    ("code", {"submitted": True, "passed": True, "tests_total": 6, "tests_passed": 6,
              "hints": 1}, 10, LEAN),
    ("code", {"submitted": True, "passed": False, "tests_total": 10, "tests_passed": 8}, 45, LEAN),
    ("code", {"submitted": True, "passed": False, "tests_total": 10, "tests_passed": 7}, 45, NO),
    ("debug", {"submitted": True, "passed": False, "tests_total": 10, "tests_passed": 9}, 30, NO),
    ("debug", {"submitted": True, "passed": True, "tests_total": 3, "tests_passed": 3}, 10, STRONG),
    ("levels", {"submitted": True, "levels_passed": 4, "levels_total": 4}, 90, STRONG),
    ("levels", {"submitted": True, "levels_passed": 3, "levels_total": 4}, 90, LEAN),
    ("levels", {"submitted": True, "levels_passed": 2, "levels_total": 4}, 90, NO),
    ("quiz", {"submitted": True, "correct": 8, "total": 10}, 10, STRONG),
    ("quiz", {"submitted": True, "correct": 6, "total": 10}, 10, LEAN),
    ("quiz", {"submitted": True, "correct": 5, "total": 10}, 10, NO),
    ("open", {"submitted": True, "level": "lean", "score": 0.5}, 20, LEAN),
    ("open", {}, 20, NO),
])
def test_round_signal_rules(kind, result, used_min, want):
    assert rules.round_signal(kind, result, 45, used_min * 60).level == want


def test_a_failed_gate_decides_the_loop():
    strong, no = Signal(STRONG, 1, ""), Signal(NO, 0, "")
    assert rules.overall([(strong, False)] * 4 + [(no, True)]).level == NO
    assert rules.overall([(strong, False)] * 4 + [(no, False)]).level == LEAN
    assert rules.overall([(strong, False)] * 5).level == STRONG
    assert rules.overall([(Signal(LEAN, .5, ""), False)] * 3 + [(no, False)] * 2).level == NO


# ---------------------------------------------------------------- loops and clocks


BROKEN_LOOP = """\
id: tiny-loop
title: A loop that cannot be sat
intro: Two rounds, one naming a topic that does not exist.
rounds:
  - id: coding
    title: Coding
    kind: code
    minutes: 10
    brief: Implement the function in solution.py and submit it.
    pick:
      topics: [calculus]
  - id: chat
    title: Chat
    kind: open
    minutes: 10
    brief: Talk through the design of a system you built.
    pick:
      topics: [no-such-topic]
"""


def test_pack_check_locates_loops_that_cannot_be_filled(onsite_home, tmp_path):
    from onsite.packs.check import check_pack

    pack = make_tiny_pack(tmp_path / "pack")
    (pack / "mock").mkdir()
    (pack / "mock" / "tiny-loop.yaml").write_text(BROKEN_LOOP)
    found = [(p.path.name, p.line, p.message) for p in check_pack(pack, judge=False)]
    assert ("tiny-loop.yaml", 5, "round coding: 1 code items qualify; a round asking 1 needs "
            "at least 2") in found
    assert ("tiny-loop.yaml", 12, "round chat: 'no-such-topic' is not a topic") in found
    (pack / "mock" / "tiny-loop.yaml").write_text(BROKEN_LOOP.replace("kind: open", "kind: chat"))
    found = check_pack(pack, judge=False)
    assert len(found) == 1 and found[0].line == 14 and "kind" in found[0].message, found


def test_the_shipped_loops_are_clean():
    from onsite.packs.check import _loop_problems
    from onsite.packs.loader import BUILTIN_PACK, load_loops, load_pack

    assert set(load_loops()) >= {"openai-re", "anthropic-re", "deepmind-re", "rs", "quick"}
    assert list(_loop_problems(BUILTIN_PACK, load_pack())) == []


def test_loops_are_found_by_company_role_and_length(onsite_home):
    from onsite.sessions import mock

    assert mock.find_loop("openai").id == "openai-re"
    assert mock.find_loop("anthropic").id == "anthropic-re"
    assert mock.find_loop("deepmind").id == "deepmind-re"
    assert mock.find_loop("openai", "rs").id == "rs"
    assert mock.find_loop("anthropic", quick=True).id == "quick"
    assert mock.find_loop("anthropic", quick=True).minutes == 60
    with pytest.raises(mock.MockError, match="no quick rs loop"):
        mock.find_loop("openai", "rs", quick=True)


def test_the_clock_runs_while_onsite_is_closed(onsite_home):
    from onsite.sessions import mock
    from onsite.sessions.catalog import get_item

    t0 = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    sitting = mock.start("quick", seed=7, now=t0)
    quiz_round = mock.begin(sitting, now=t0)
    first = quiz_round.items[0]
    mock.answer_question(sitting, first, right_answer(get_item(first)), 20, now=t0 + timedelta(seconds=20))

    # "Crash": read the sitting back from the database four minutes later.
    later = mock.sync(mock.active(), now=t0 + timedelta(minutes=4))
    assert later.current.id == "rapid-fire"
    assert later.current.remaining_s(t0 + timedelta(minutes=4)) == pytest.approx(6 * 60)
    assert list(later.current.answers) == [first]

    # Past the deadline the round closes by itself; an answer then is refused.
    after = t0 + timedelta(minutes=10, seconds=1)
    mock.sync(later, now=after)
    closed = later.rounds[0]
    assert closed.ended_by == "time" and closed.result["correct"] == 1
    assert closed.result["total"] == 8
    with pytest.raises(mock.MockError, match="has not begun"):
        mock.answer_question(later, quiz_round.items[1], "A", 5, now=after)
    assert later.current.id == "coding"
    assert not later.current.started  # the break between rounds does not count


def test_no_second_loop_while_one_runs_and_abandon_frees_it(onsite_home):
    from onsite.sessions import mock

    sitting = mock.start("quick", seed=1)
    with pytest.raises(mock.MockError, match="already in progress"):
        mock.start("openai-re")
    mock.abandon(sitting)
    assert mock.active() is None
    assert mock.reports() == []  # an abandoned loop has no report


def test_drawn_items_avoid_what_was_just_practised(onsite_home):
    from onsite.sessions import mock, quiz
    from onsite.sessions.catalog import get_item

    first = mock.start("quick", seed=3)
    asked = first.rounds[0].items
    for item_id in asked:
        quiz.answer(item_id, "A", 3.0)
    mock.abandon(first)
    second = mock.start("quick", seed=3)  # the same seed would draw the same questions
    assert not set(asked) & set(second.rounds[0].items)
    topics = [get_item(i).meta.topics[0] for i in second.rounds[0].items]
    assert len(set(topics)) == len(topics)  # a rapid-fire round spreads over topics


def test_levels_round_counts_levels_reached_and_reveals_only_the_next(onsite_home, tmp_path):
    from onsite.judge.local import LocalRunner
    from onsite.sessions import mock
    from onsite.sessions.catalog import get_item

    sitting = mock.start("anthropic-re", seed=2)
    current = mock.begin(sitting)
    item = get_item(current.items[0])
    folder = mock.submission_path(sitting).parent
    assert sorted(p.name for p in folder.glob("level*.md")) == ["level1.md"]
    level_one = item.path / ".meta" / "levels" / "1" / "solution.py"
    mock.submission_path(sitting).write_text(level_one.read_text())
    verdict = mock.submit(sitting, runner=LocalRunner())
    assert not verdict.passed and verdict.level == 2
    assert sorted(p.name for p in folder.glob("level*.md")) == ["level1.md", "level2.md"]
    assert sitting.current.result["levels_passed"] == 1
    assert rules.round_signal("levels", sitting.current.result, 90, 600).level == NO


# ---------------------------------------------------------------- the whole quick loop, by CLI


def _env(home: Path) -> dict:
    env = {**os.environ, "ONSITE_HOME": str(home), "COLUMNS": "120"}
    env.pop("ONSITE_DATABASE_URL", None)
    env.pop("ONSITE_PACKS", None)
    return env


def _onsite(env, *args, stdin: str = "", check_rc: int | None = 0) -> subprocess.CompletedProcess:
    done = subprocess.run([*ONSITE, *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=300, cwd=ROOT)
    if check_rc is not None:
        assert done.returncode == check_rc, done.stdout + done.stderr
    return done


def _status(env) -> dict:
    return json.loads(_onsite(env, "mock", "status", "--json").stdout)


@pytest.mark.slow
def test_a_quick_loop_through_the_cli_survives_a_crash(tmp_path):
    from onsite.packs.loader import load_pack

    pack = load_pack()
    env = _env(tmp_path / "home")

    # Start, begin the rapid-fire round, answer three questions, then the process dies.
    proc = subprocess.Popen([*ONSITE, "mock", "openai", "--quick", "--seed", "11"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.5)
        done = _onsite(env, "mock", "status", "--json", check_rc=None)
        if done.returncode == 0:
            break
    status = _status(env)
    assert status["round"] == "rapid-fire"
    questions = [pack.items[i] for i in _round_items(env, "rapid-fire")]
    answers = [right_answer(questions[0]), wrong_answer(questions[1]), right_answer(questions[2])]
    proc.stdin.write("\n" + "\n".join(answers) + "\n")
    proc.stdin.flush()
    while time.monotonic() < deadline:
        rapid = _status(env)["rounds"][0]
        if rapid["result"].get("answered") == 3:
            break
        time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    killed_at = time.monotonic()

    # The clock kept running through the crash; resume picks up at question four.
    rapid = _status(env)["rounds"][0]
    assert rapid["started"] and not rapid["closed"]
    assert rapid["result"]["answered"] == 3 and rapid["result"]["correct"] == 2
    assert 0 < rapid["remaining_s"] < 600
    time.sleep(1.5)
    assert _status(env)["rounds"][0]["remaining_s"] <= rapid["remaining_s"] - 1.0
    assert "A mock loop is in progress" in _onsite(env).stdout  # the home screen says so
    rest = "\n".join(right_answer(q) for q in questions[3:])
    resumed = _onsite(env, "mock", "resume", stdin=rest + "\n\n")
    assert "4/8" in resumed.stdout and "1/8" not in resumed.stdout
    assert time.monotonic() - killed_at < 600

    # The coding round: its workspace is written; submit the starter, then the reference.
    status = _status(env)
    coding = status["rounds"][1]
    assert status["round"] == "coding" and coding["started"]
    item = pack.items[_round_items(env, "coding")[0]]
    assert "Your workspace:" in resumed.stdout
    solution = Path(_state(env)["workspace"]) / "coding" / "solution.py"
    assert solution.read_text() == item.starter
    _onsite(env, "mock", "submit", check_rc=1)
    solution.write_text(item.solution_path.read_text())
    passed = _onsite(env, "mock", "submit")
    assert "Round done" in passed.stderr

    # The discussion round, answered inline, ends the loop with the report.
    status = _status(env)
    assert status["round"] == "discussion"
    question = pack.items[_round_items(env, "discussion")[0]]
    answer = question.rubric.model_answer.strip()
    final = _onsite(env, "mock", "resume", stdin="\n" + answer + "\n.\n")
    assert "report" in final.stdout and "weakest areas" in final.stdout

    reports = json.loads(_onsite(env, "mock", "reports", "--json").stdout)
    assert len(reports) == 1
    report = reports[0]
    by_id = {r["id"]: r for r in report["rounds"]}
    assert by_id["rapid-fire"]["result"]["correct"] == 7
    assert by_id["rapid-fire"]["signal"] == STRONG      # 7/8 >= 80%
    assert by_id["coding"]["result"]["passed"] and by_id["coding"]["result"]["submissions"] == 2
    assert by_id["coding"]["signal"] == STRONG           # well inside 75% of 30 minutes
    assert by_id["discussion"]["result"]["submitted"]
    assert report["overall"] in (STRONG, LEAN)
    assert len(report["weakest"]) == 3
    assert questions[1].meta.topics[0] in [w["topic"] for w in report["weakest"]]

    # Saved, and exported as Markdown.
    out = tmp_path / "report.md"
    _onsite(env, "mock", "report", "--markdown", str(out))
    text = out.read_text()
    assert text.startswith("# Quick loop (60 minutes): ")
    assert "| 2 | Coding |" in text and item.meta.title in text
    assert _onsite(env, "mock", "status", check_rc=2).returncode == 2  # nothing in progress


def _state(env) -> dict:
    """The running sitting's stored state, read straight from the database (the test may
    know what the learner may not: which questions were drawn)."""
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{Path(env['ONSITE_HOME']) / 'data' / 'onsite.db'}"
    with create_engine(url).connect() as conn:
        state = conn.execute(text("SELECT state FROM mock_runs WHERE status='running'")).scalar()
    return json.loads(state)


def _round_items(env, round_id: str) -> list[str]:
    return next(r["items"] for r in _state(env)["rounds"] if r["id"] == round_id)
