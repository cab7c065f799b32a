"""What onsite remembers about a learner. Nothing here is ever deleted."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, String, Text, UniqueConstraint
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
