"""Storage: migrations on SQLite and PostgreSQL, and no committed attempt lost to SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from sqlalchemy import create_engine, select, text

WRITER = """
import sys
from onsite.judge.verdict import Verdict
from onsite.sessions.practice import record_attempt
for i in range(100000):
    attempt = record_attempt("tiny/add", "code", "x" * 2000, Verdict("tiny/add", "fail"))
    print(attempt.id, flush=True)
"""


def test_sigkill_loses_no_committed_attempt(onsite_home):
    proc = subprocess.Popen([sys.executable, "-c", WRITER], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "ONSITE_HOME": str(onsite_home)})
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        committed.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)  # mid-transaction, most likely
    proc.wait()
    assert len(committed) == 40
    from onsite.store.db import session
    from onsite.store.models import Attempt

    with session() as s:
        stored = set(s.scalars(select(Attempt.id)))
    assert set(committed) <= stored


def test_sqlite_runs_in_wal_mode(onsite_home):
    from onsite.store.db import engine

    with engine().connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_migrations_match_the_models(onsite_home):
    # A model changed without a migration (or the reverse) shows up as a difference here.
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from onsite.store.db import engine
    from onsite.store.models import Base

    with engine().connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert diff == []


def postgres_url() -> str:
    return os.environ.get("ONSITE_TEST_POSTGRES_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/onsite_test")


@pytest.fixture
def pg_schema():
    pytest.importorskip("psycopg")
    admin = create_engine(postgres_url())
    try:
        with admin.connect():
            pass
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("ONSITE_TEST_REQUIRE_POSTGRES"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {postgres_url()}: {exc}")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    with admin.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{postgres_url()}?options=-csearch_path%3D{schema}"
    with admin.begin() as c:
        c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.mark.postgres
def test_migrations_and_attempts_on_postgres(pg_schema):
    from alembic import command
    from alembic.config import Config

    from onsite.store.db import MIGRATIONS, engine, session
    from onsite.store.models import Attempt

    eng = engine(pg_schema)
    with session(pg_schema) as s:
        s.add(Attempt(item_id="x/y", kind="code", status="pass", passed=True,
                      verdict={"status": "pass", "tests": []}))
    with session(pg_schema) as s:
        row = s.scalars(select(Attempt)).one()
        assert row.verdict["status"] == "pass" and row.created_at.tzinfo is not None
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "base")
    with eng.connect() as c:
        assert "attempts" not in {r[0] for r in c.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))}
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    engine.cache_clear()
