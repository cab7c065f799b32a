"""Where onsite keeps its files, and which database it talks to.

``ONSITE_HOME`` puts everything (database, caches, workspaces) under one folder,
which is what tests and portable installs use. ``ONSITE_DATABASE_URL`` (any
SQLAlchemy URL) switches to another database, e.g. PostgreSQL for a server.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    home = os.environ.get("ONSITE_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir("onsite"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    home = os.environ.get("ONSITE_HOME")
    path = Path(home) / "cache" if home else Path(platformdirs.user_cache_dir("onsite"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def workspace_dir() -> Path:
    home = os.environ.get("ONSITE_WORKSPACE")
    if home:
        return Path(home)
    base = os.environ.get("ONSITE_HOME")
    return Path(base) / "workspace" if base else Path.home() / "onsite"


def database_url() -> str:
    url = os.environ.get("ONSITE_DATABASE_URL")
    return url or f"sqlite:///{data_dir() / 'onsite.db'}"


def secret_paths() -> list[Path]:
    """Paths the sandbox must never see: packs, expectations, the database."""
    from onsite.packs.loader import BUILTIN_PACK

    extra = [Path(p) for p in os.environ.get("ONSITE_PACKS", "").split(os.pathsep) if p]
    return [BUILTIN_PACK.parent, data_dir(), cache_dir(), *extra]
