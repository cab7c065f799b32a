"""The learning engine: answer checking, fsrs ratings, adaptive tests, daily, calibration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from conftest import make_quiz_pack, right_answer, wrong_answer
from fsrs import Rating

from onsite.learn import answers, schedule
from onsite.packs.models import QuizQuestion


def question(**fields) -> QuizQuestion:
    base = {"id": "q", "difficulty": "easy", "question": "A question long enough?",
            "explanation": "An explanation long enough to pass."}
    return QuizQuestion(**{**base, **fields})


# --- answer checking ---------------------------------------------------------

def test_choice_answers_are_read_leniently_and_graded_strictly():
    single = question(type="single", choices=["a", "b", "c"], answer="B")
    assert answers.check(single, " b ").correct
    assert not answers.check(single, "C").correct
    with pytest.raises(answers.Unreadable):
        answers.check(single, "B,C")
    with pytest.raises(answers.Unreadable):
        answers.check(single, "E")
    multi = question(type="multiple", choices=["a", "b", "c", "d"], answer=["A", "C"])
    for typed in ("A,C", "c a", "ac", "A; C"):
        assert answers.check(multi, typed).correct, typed
    assert not answers.check(multi, "A").correct
    assert not answers.check(multi, "A,B,C").correct


@pytest.mark.parametrize(("typed", "right"), [
    ("1.4e11", True), ("140,000,000,000", True), ("140B", True), ("140 billion", True),
    ("141e9", True), ("150e9", False), ("1.4e10", False),
])
def test_numeric_answers_accept_common_notations_within_tolerance(typed, right):
    q = question(type="numeric", answer=1.4e11, tolerance={"rel": 0.01})
    assert answers.check(q, typed).correct is right


def test_percent_and_powers():
    fraction = question(type="numeric", answer=0.4, tolerance={"abs": 0.001})
    assert answers.check(fraction, "40%").correct
    percent = question(type="numeric", answer=40, unit="%", tolerance={"abs": 0.1})
    assert answers.check(percent, "40%").correct and answers.check(percent, "40").correct
    power = question(type="numeric", answer=2 ** 30, tolerance={"rel": 1e-9})
    assert answers.check(power, "2^30").correct
    third = question(type="numeric", answer=0.3333, tolerance={"abs": 0.001})
    assert answers.check(third, "1/3").correct
    gigabytes = question(type="numeric", answer=140, unit="GB", tolerance={"rel": 0.01})
    assert answers.check(gigabytes, "140 GB").correct and answers.check(gigabytes, "140gb").correct
    with pytest.raises(answers.Unreadable):
        answers.check(power, "about a billion")


def test_exact_answers_ignore_case_spacing_and_hyphens():
    q = question(type="exact", answer=["TF32", "TensorFloat-32"])
    assert answers.check(q, "tensorfloat 32").correct
    assert answers.check(q, " tf32.").correct
    assert answers.check(question(type="exact", answer="Eckart-Young"), "eckart\u2013young").correct
    assert not answers.check(q, "fp32").correct


@pytest.mark.parametrize(("fields", "message"), [
    ({"type": "single", "choices": ["a", "b"], "answer": "C"}, "outside the choices"),
    ({"type": "single", "choices": ["a", "b"], "answer": ["A", "B"]}, "exactly one"),
    ({"type": "multiple", "choices": ["a", "b"], "answer": ["A", "B"]}, "not all of them"),
    ({"type": "single", "choices": ["a", "a"], "answer": "A"}, "same text"),
    ({"type": "numeric", "answer": 3}, "needs a tolerance"),
    ({"type": "numeric", "answer": 3, "tolerance": {}}, "give abs or rel"),
])
def test_malformed_questions_are_refused(fields, message):
    with pytest.raises(ValueError, match=message):
        question(**fields)


# --- fsrs ratings --------------------------------------------------------------

@pytest.mark.parametrize(("args", "rating"), [
    ((False, 5, 2), Rating.Again), ((True, 30, 2), Rating.Easy), ((True, 90, 2), Rating.Good),
])
def test_quiz_ratings(args, rating):
    assert schedule.quiz_rating(*args) == rating
    assert schedule.quiz_rating(True, 5, 2, hinted=True) == Rating.Hard


@pytest.mark.parametrize(("passed", "seconds", "hints", "rating"), [
    (True, 600, 0, Rating.Good), (True, 1300, 0, Rating.Hard), (True, 60, 1, Rating.Hard),
    (False, 600, 0, None), (False, 2500, 0, Rating.Again),
])
def test_code_ratings(passed, seconds, hints, rating):
    assert schedule.code_rating(passed, seconds, 20, hints) == rating


def test_intervals_grow_with_success_and_shrink_after_a_lapse():
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    card, first = schedule.review(None, Rating.Good, now)
    card, second = schedule.review(card, Rating.Good, first)
    assert second - first > first - now
    _, lapse = schedule.review(card, Rating.Again, second)
    assert lapse - second < second - first
    assert schedule.open_rating("strong") == Rating.Good and schedule.open_rating("no") == Rating.Again


# --- sessions through the CLI -----------------------------------------------------


@pytest.fixture
def quiz_env(onsite_home, tmp_path, monkeypatch):
    pack = make_quiz_pack(tmp_path / "quizpack")
    monkeypatch.setenv("ONSITE_PACKS", str(pack))
    from onsite.sessions.catalog import catalog

    catalog.cache_clear()
    env = {**os.environ, "ONSITE_HOME": str(onsite_home), "ONSITE_PACKS": str(pack),
           "COLUMNS": "120"}

    def run(*args: str, stdin: str = "", check: int = 0) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "onsite", *args], env=env, input=stdin,
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == check, (done.stdout[-2000:], done.stderr[-2000:])
        return done

    return run


def quiz_item(item_id: str):
    from onsite.sessions.catalog import get_item

    return get_item(item_id)


def test_practice_quiz_stores_answers_and_schedules_reviews(quiz_env):
    from onsite.sessions.quiz import practice_items

    asked = practice_items("precision", 3, seed=7)
    unreadable = [] if asked[1].quiz.type == "exact" else ["Z9"]  # asked again, not counted
    typed = [right_answer(asked[0]), *unreadable, right_answer(asked[1]), wrong_answer(asked[2])]
    out = quiz_env("quiz", "--topic", "precision", "--count", "3", "--seed", "7",
                   stdin="\n".join(typed) + "\n")
    assert "2/3 right" in out.stdout
    due = json.loads(quiz_env("due", "--json").stdout)
    assert isinstance(due["today"], list) and isinstance(due["week"], list)
    from onsite.store.db import session
    from onsite.store.models import QuizResponse, ReviewCard

    with session() as s:
        assert s.query(QuizResponse).count() == 3
        assert s.query(ReviewCard).count() == 3


def test_an_adaptive_test_estimates_and_resumes(quiz_env):
    from onsite.sessions import quiz

    status = quiz.adaptive("precision")
    for _ in range(4):
        item_id = status.next_item
        quiz.adaptive_answer(status, item_id, right_answer(quiz_item(item_id)), 20.0)
    assert status.test.theta > 0.5  # four right answers move the estimate up
    resumed = quiz.adaptive("precision", status.session_id)
    assert resumed.test.administered == status.test.administered
    assert resumed.test.theta == pytest.approx(status.test.theta)
    assert resumed.next_item not in [status.test.item_ids[i] for i in status.test.administered]
    stored = quiz.abilities()["precision"]
    assert stored.items == 4 and stored.theta == pytest.approx(status.test.theta)
    wrong = quiz.adaptive("precision")
    for _ in range(4):
        item_id = wrong.next_item
        quiz.adaptive_answer(wrong, item_id, wrong_answer(quiz_item(item_id)), 20.0)
    assert wrong.test.theta < status.test.theta


def test_adaptive_cli_runs_until_stopped_and_reports(quiz_env):
    out = quiz_env("quiz", "--adaptive", "--topic", "precision", stdin="A\nq\n")
    assert "test id" in out.stderr and "ability" in out.stdout
    few = quiz_env("quiz", "--adaptive", "--topic", "behavioural", check=2)
    assert "needs 10" in few.stderr


def test_review_asks_due_quiz_questions(quiz_env):
    from onsite.sessions import quiz
    from onsite.store.db import session
    from onsite.store.models import ReviewCard

    quiz.answer("quiz/precision/square-1", "D", 5.0)  # wrong: due again tomorrow
    assert "Nothing is due today" in quiz_env("review").stdout
    with session() as s:
        card = s.query(ReviewCard).one()
        card.due = datetime.now(UTC) - timedelta(hours=1)
    out = quiz_env("review", stdin=right_answer(quiz_item("quiz/precision/square-1")) + "\n")
    assert "✓ right" in out.stdout
    with session() as s:
        card = s.query(ReviewCard).one()
        assert card.reviews == 2 and card.due.replace(tzinfo=UTC) > datetime.now(UTC)


def test_daily_is_stable_for_the_day_and_counts_a_streak(quiz_env):
    from onsite.sessions import daily, quiz
    from onsite.store.db import session
    from onsite.store.models import DailySession, QuizResponse

    today = date.today()
    first = daily.daily(today)
    assert first.new is not None and first.streak == 0
    assert daily.daily(today).item_ids == first.item_ids  # fixed once shown
    other = daily.daily(today, learner="someone-else")
    assert other.stretch == first.stretch
    from onsite.judge.verdict import Verdict
    from onsite.sessions.practice import record_attempt

    for item_id in first.item_ids:
        item = quiz_item(item_id)
        if item.quiz is None:  # the stretch item is a code item: any judged attempt counts
            record_attempt(item_id, item.meta.kind, "x", Verdict(item_id, "fail"))
        else:
            quiz.answer(item_id, right_answer(item), 10.0)
    assert daily.daily(today).complete and daily.daily(today).streak == 1
    # Yesterday done too: the streak grows; the day before missed: it stops there.
    yesterday = today - timedelta(days=1)
    noon = datetime.combine(yesterday, datetime.min.time()).astimezone() + timedelta(hours=12)
    with session() as s:
        s.add(DailySession(day=yesterday.isoformat(),
                           picks={"reviews": [], "new": "quiz/precision/square-2", "stretch": None}))
        s.add(QuizResponse(item_id="quiz/precision/square-2", mode="daily", response="x",
                           correct=False, seconds=3.0, created_at=noon))
    assert daily.streak(today) == 2


def test_calibration_recovers_difficulty_order_from_enough_answers(quiz_env):
    from onsite.sessions import quiz
    from onsite.store.db import session
    from onsite.store.models import ItemParams, QuizResponse

    assert "not enough answers" in quiz.calibrate()
    ids = [i.id for i in quiz.quiz_items("precision")][:6]
    true_b = np.linspace(-1.5, 1.5, len(ids))
    rng = np.random.default_rng(1)
    with session() as s:
        for person in range(300):
            theta = rng.standard_normal()
            for item_id, b in zip(ids, true_b, strict=True):
                p = 1 / (1 + np.exp(-(theta - b)))
                s.add(QuizResponse(learner=f"l{person}", item_id=item_id, mode="adaptive",
                                   response="", correct=bool(rng.random() < p), seconds=1.0))
    assert "fitted 6 items from the answers of 300 learners" in quiz.calibrate()
    with session() as s:
        fitted = {p.item_id: p.b for p in s.query(ItemParams)}
    assert np.corrcoef([fitted[i] for i in ids], true_b)[0, 1] > 0.95
    assert set(quiz.calibrated()) == set(ids)


def test_passing_code_quickly_without_hints_schedules_a_good_review(onsite_home, tiny_pack):
    from onsite.judge.verdict import Verdict
    from onsite.sessions.practice import next_hint, record_attempt
    from onsite.store.db import session
    from onsite.store.models import ReviewCard

    record_attempt("tiny/add", "code", "x", Verdict("tiny/add", "fail"))
    with session() as s:
        assert s.query(ReviewCard).count() == 0  # still solving: not a review yet
    record_attempt("tiny/add", "code", "x", Verdict("tiny/add", "pass"))
    with session() as s:
        assert s.query(ReviewCard).one().last_rating == int(Rating.Good)
    next_hint("tiny/add")
    record_attempt("tiny/add", "code", "x", Verdict("tiny/add", "pass"))
    with session() as s:
        card = s.query(ReviewCard).one()
        assert card.last_rating == int(Rating.Hard) and card.reviews == 2


def test_rapid_fire_round_is_timed_and_reported(quiz_env):
    from onsite.sessions.quiz import rapid_items
    from onsite.store.db import session
    from onsite.store.models import QuizResponse

    order = rapid_items(seed=3)
    assert order and all(i.quiz.type in ("single", "exact") for i in order)
    typed = [right_answer(order[0]), wrong_answer(order[1]), "q"]
    out = quiz_env("quiz", "--rapid", "--minutes", "1", "--seed", "3", stdin="\n".join(typed) + "\n")
    assert "1/2 right" in out.stdout and "s per question" in out.stdout
    assert "left" in out.stdout  # the countdown is shown with each question
    with session() as s:
        modes = {r.mode for r in s.query(QuizResponse)}
        rounds = {r.session_id for r in s.query(QuizResponse)}
    assert modes == {"rapid"} and len(rounds) == 1
