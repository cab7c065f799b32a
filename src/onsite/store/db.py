"""Engines and sessions. SQLite runs in WAL mode with full fsync; every write is a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from onsite import config

MIGRATIONS = Path(__file__).with_name("migrations")


@cache
def engine(url: str | None = None) -> Engine:
    url = url or config.database_url()
    eng = create_engine(url, future=True)
    if eng.dialect.name == "sqlite":
        event.listen(eng, "connect", _sqlite_pragmas)
    migrate(eng)
    return eng


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed attempt survives a power cut too, not only a killed process.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def migrate(eng: Engine) -> None:
    """Bring the schema to the latest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with eng.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


@contextmanager
def session(url: str | None = None) -> Iterator[Session]:
    """A unit of work: committed when the block ends, rolled back if it raises."""
    maker = sessionmaker(engine(url), expire_on_commit=False)
    with maker.begin() as s:
        yield s
