"""What onsite remembers about a learner. Nothing here is ever deleted."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

LOCAL_LEARNER = "local"


def now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    pass


class Attempt(Base):
    """One try at an item, with its verdict; stored forever."""

    __tablename__ = "attempts"
    # Covers the dashboard's and the daily challenge's reads of a long history (status per
    # item, pass rate and time, activity, retention) without touching the wide rows.
    __table_args__ = (Index("ix_attempts_history", "learner", "item_id", "created_at", "passed",
                            "duration_s"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    item_id: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    status: Mapped[str] = mapped_column(String(16))
    passed: Mapped[bool] = mapped_column(Boolean)
    # Seconds from `onsite start` (or the first judged run) to this submission.
    duration_s: Mapped[float] = mapped_column(Float, default=0.0)
    hints_used: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(Text, default="")
    verdict: Mapped[dict] = mapped_column(JSON, default=dict)


class HintReveal(Base):
    """A hint the learner asked for; hints stay revealed once seen."""

    __tablename__ = "hint_reveals"
    __table_args__ = (UniqueConstraint("learner", "item_id", "hint_index"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    item_id: Mapped[str] = mapped_column(String(200), index=True)
    hint_index: Mapped[int] = mapped_column(Integer)
    revealed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Workspace(Base):
    """Where and when the learner started working on an item."""

    __tablename__ = "workspaces"
    __table_args__ = (UniqueConstraint("learner", "item_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    item_id: Mapped[str] = mapped_column(String(200), index=True)
    path: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class WrittenAnswer(Base):
    """A written answer graded against a rubric: a paper item's follow-up, an open question.

    ``grade`` stays empty until the rubric grader has scored it; the answer is kept
    verbatim either way, so a better grader can re-score old answers.
    """

    __tablename__ = "written_answers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    item_id: Mapped[str] = mapped_column(String(200), index=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    grade: Mapped[dict | None] = mapped_column(JSON, nullable=True, default=None)


class QuizResponse(Base):
    """One answer to a quiz question, in whatever session it was asked."""

    __tablename__ = "quiz_responses"
    __table_args__ = (Index("ix_quiz_responses_history", "learner", "item_id", "created_at",
                            "correct"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    item_id: Mapped[str] = mapped_column(String(200), index=True)
    # practice | adaptive | rapid | review | daily
    mode: Mapped[str] = mapped_column(String(16))
    # groups the answers of one adaptive test or rapid-fire round
    session_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    response: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    seconds: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ReviewCard(Base):
    """The fsrs memory state of one item for one learner (the latest; logs are the attempts)."""

    __tablename__ = "review_cards"
    __table_args__ = (UniqueConstraint("learner", "item_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    item_id: Mapped[str] = mapped_column(String(200), index=True)
    card: Mapped[dict] = mapped_column(JSON)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_rating: Mapped[int] = mapped_column(Integer)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class AbilityEstimate(Base):
    """An ability estimate for a topic after an adaptive test; the newest one counts."""

    __tablename__ = "ability_estimates"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    topic: Mapped[str] = mapped_column(String(64), index=True)
    theta: Mapped[float] = mapped_column(Float)
    se: Mapped[float] = mapped_column(Float)
    items: Mapped[int] = mapped_column(Integer)
    session_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ItemParams(Base):
    """IRT parameters fitted by `onsite calibrate` from every stored response."""

    __tablename__ = "item_params"

    item_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    a: Mapped[float] = mapped_column(Float)
    b: Mapped[float] = mapped_column(Float)
    c: Mapped[float] = mapped_column(Float)
    responses: Mapped[int] = mapped_column(Integer)
    fitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class DailySession(Base):
    """The daily challenge a learner was given on one calendar day (done-ness is computed
    from the attempts and answers of that day, so it cannot drift from them)."""

    __tablename__ = "daily_sessions"
    __table_args__ = (UniqueConstraint("learner", "day"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    day: Mapped[str] = mapped_column(String(10))  # ISO date in the learner's local time
    # {"reviews": [ids], "new": id or null, "stretch": id or null}
    picks: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class AssessmentResult(Base):
    """One sitting of a self-assessment; re-taking adds a row, so progress shows over time."""

    __tablename__ = "assessment_results"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    assessment_id: Mapped[str] = mapped_column(String(64), index=True)
    answers: Mapped[dict] = mapped_column(JSON)
    score: Mapped[int] = mapped_column(Integer)
    band: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class StudyPlan(Base):
    """A 12-week plan as generated (re-planning adds a new row; the newest is current)."""

    __tablename__ = "study_plans"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    params: Mapped[dict] = mapped_column(JSON)
    weeks: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class MockRun(Base):
    """One sitting of a mock loop: the items drawn, each round's clock and result, the report.

    ``state`` is rewritten after every answer and submission, so a crash loses nothing
    and resuming puts the learner back in the round they were in, with its clock running.
    """

    __tablename__ = "mock_runs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    learner: Mapped[str] = mapped_column(String(64), default=LOCAL_LEARNER, index=True)
    loop_id: Mapped[str] = mapped_column(String(64))
    # running | finished | abandoned
    status: Mapped[str] = mapped_column(String(16), default="running", index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    state: Mapped[dict] = mapped_column(JSON, default=dict)
    report: Mapped[dict | None] = mapped_column(JSON, nullable=True, default=None)
