"""Self-assessments beside measured evidence, and the 12-week plan."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import make_quiz_pack

from onsite.learn import plan as planner
from onsite.learn import readiness


@pytest.fixture
def env(onsite_home, tmp_path, monkeypatch):
    pack = make_quiz_pack(tmp_path / "quizpack", topic="linear-algebra")
    monkeypatch.setenv("ONSITE_PACKS", str(pack))
    from onsite.sessions.catalog import catalog

    catalog.cache_clear()
    return pack


def test_bands_follow_the_score():
    from onsite.sessions.assess import get_spec

    quick = get_spec("rs-quick")
    assert readiness.score(quick, {q.id: 5 for q in quick.questions})[1].label == "Ready"
    assert readiness.score(quick, {q.id: 3 for q in quick.questions})[1].label == "Targeted gaps"
    assert readiness.score(quick, {q.id: 1 for q in quick.questions})[1].label.startswith("Found")
    checklist = get_spec("rs-checklist")
    answers = {q.id: i < 12 for i, q in enumerate(checklist.questions)}
    assert readiness.score(checklist, answers) == (60, checklist.bands[1])
    with pytest.raises(ValueError, match="unanswered"):
        readiness.score(quick, {})
    with pytest.raises(ValueError, match="1 to 5"):
        readiness.score(quick, {q.id: 6 for q in quick.questions})


def test_a_confident_rating_against_weak_evidence_is_called_out(env):
    from onsite.sessions import assess, quiz

    for item in quiz.quiz_items("linear-algebra")[:6]:
        quiz.answer(item.id, "certainly not this" if item.quiz.type == "exact" else
                    ("-999" if item.quiz.type == "numeric" else
                     next(x for x in "ABCD" if x not in item.quiz.correct_letters)), 30.0)
    spec = assess.get_spec("re-skills")
    answers = {q.id: 5 for q in spec.questions}
    rows = {r.question_id: r for r in assess.compare(spec, answers)}
    maths = rows["maths"]
    assert maths.measured.level is not None and maths.measured.level <= 3
    assert "0/6 quiz answers right" in maths.measured.basis
    assert maths.gap and "the most useful gap" in maths.gap
    assert rows["distributed-training"].gap is None  # nothing measured there: no claim made


def test_assess_cli_stores_dated_results_and_lists_them(env, tmp_path):
    from typer.testing import CliRunner

    from onsite.cli import app

    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({f"q{i}": 4 for i in range(3)}))
    runner = CliRunner()
    bad = runner.invoke(app, ["assess", "rs-quick", "--answers", str(answers)])
    assert bad.exit_code == 2 and "unanswered" in bad.output
    from onsite.sessions.assess import get_spec, history

    answers.write_text(json.dumps({q.id: 4 for q in get_spec("rs-quick").questions}))
    ok = runner.invoke(app, ["assess", "rs-quick", "--answers", str(answers)])
    assert ok.exit_code == 0, ok.output
    assert "48/60" in ok.output and "Ready" in ok.output
    typed = runner.invoke(app, ["assess", "rs-checklist"], input="y\n" * 10 + "n\n" * 10)
    assert typed.exit_code == 0 and "50/100" in typed.output and "Developing" in typed.output
    assert [r.score for r in history()] == [48, 50]
    listing = runner.invoke(app, ["assess"])
    assert "rs-quick" in listing.output and "48/60" in listing.output


def test_plans_follow_phases_budget_and_weakness():
    cands = [planner.Candidate(f"x/{t}-{d}", "code", "numerics", (t,), d, 20, ())
             for t in ("linear-algebra", "probability") for d in ("easy", "medium", "hard")]
    cands += [planner.Candidate("x/attn", "code", "transformers", ("attention",), "medium", 30,
                                ("openai",))]
    weeks = planner.build(cands, start=date(2026, 11, 30), hours_per_week=2, company="openai",
                          weakness={"probability": 1.0, "linear-algebra": 0.0})
    assert [w["week"] for w in weeks] == list(range(1, 13))
    assert weeks[0]["phase"] == "Research foundation" and weeks[11]["start"] == "2027-02-15"
    first = [e["id"] for e in weeks[0]["entries"]]
    assert first[0] == "x/probability-easy"  # weakest topic, easiest first in week 1
    for w in weeks:
        assert sum(e["minutes"] for e in w["entries"]) <= 2 * 60 * (1 - planner.REVIEW_SHARE)
    placed = [e["id"] for w in weeks for e in w["entries"] if e["type"] == "item"]
    assert len(placed) == len(set(placed))  # nothing scheduled twice
    assert "x/attn" not in first and any(e.get("id") == "x/attn" for w in weeks[3:6]
                                         for e in w["entries"])


def test_plan_cli_creates_exports_and_replans(env, tmp_path):
    from typer.testing import CliRunner

    from onsite.cli import app

    runner = CliRunner()
    none = runner.invoke(app, ["plan"])
    assert none.exit_code == 2 and "no plan yet" in none.output
    md, ics = tmp_path / "plan.md", tmp_path / "plan.ics"
    made = runner.invoke(app, ["plan", "--target", "re", "--company", "deepmind",
                               "--hours-per-week", "5", "--start", "2026-11-30",
                               "--markdown", str(md), "--ics", str(ics), "--json"])
    assert made.exit_code == 0, made.output
    weeks = json.loads(made.output[made.output.index("{"):])["weeks"]
    assert len(weeks) == 12
    assert md.read_text().startswith("# 12-week plan: RE, deepmind, 5 h/week")
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 12
    adaptive = [e for w in weeks[:3] for e in w["entries"] if e["type"] == "adaptive"]
    assert adaptive and adaptive[0]["topic"] == "linear-algebra"
    bad = runner.invoke(app, ["plan", "--target", "xx"])
    assert bad.exit_code == 2 and "target is one of" in bad.output
    again = runner.invoke(app, ["plan", "--replan", "--json"])
    assert again.exit_code == 0
