"""Shared fixtures: an isolated ONSITE_HOME and a tiny pack made on the fly."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

SECRET_MARKER = "REFERENCE-SECRET-7f3a9c"

TINY_CASES = '''
import torch

from onsite.judge.cases import case


def pair(seed, n=4):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, generator=g), torch.randn(n, generator=g)


@case("small vectors")
def small(sub):
    return {"sum": sub.add(*pair(0))}


@case("longer vectors")
def longer(sub):
    return {"sum": sub.add(*pair(1, n=64))}


@case("float64 vectors", strict_dtype=True)
def doubles(sub):
    a, b = pair(2)
    return {"sum": sub.add(a.double(), b.double())}
'''


def make_tiny_pack(root: Path, wall_s: float = 4.0) -> Path:
    """A pack with one item, `tiny/add`, whose reference carries a secret marker."""
    item = root / "code" / "tiny" / "add"
    (item / ".meta" / "wrong").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: tiny\ntitle: Tiny test pack\n")
    (item / "item.yaml").write_text(textwrap.dedent(f"""\
        id: tiny/add
        kind: code
        title: Add two tensors
        family: numerics
        topics: [calculus]
        difficulty: easy
        minutes: 5
        entry: [add]
        forbidden: [torch.add]
        limits: {{wall_s: {wall_s}, cpu_s: 4, memory_mb: 512}}
        """))
    (item / "prompt.md").write_text("# Add\n\nReturn `a + b`.\n")
    (item / "starter.py").write_text("def add(a, b):\n    raise NotImplementedError\n")
    (item / "hints.md").write_text("## Hint 1\n\nUse +.\n\n## Hint 2\n\nReally, `a + b`.\n")
    (item / ".meta" / "solution.py").write_text(
        f'SECRET = "{SECRET_MARKER}"\n\n\ndef add(a, b):\n    return a + b\n')
    (item / ".meta" / "cases.py").write_text(TINY_CASES)
    (item / ".meta" / "explain.md").write_text("# Why\n\nAddition is elementwise.\n")
    for name, body in {
        "minus": "a - b", "first_only": "a", "float32_always": "(a + b).float()",
    }.items():
        (item / ".meta" / "wrong" / f"{name}.py").write_text(
            f'"""A wrong variant: {name}."""\n\n\ndef add(a, b):\n    return {body}\n')
    return root


@pytest.fixture
def onsite_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("ONSITE_HOME", str(home))
    monkeypatch.delenv("ONSITE_DATABASE_URL", raising=False)
    monkeypatch.delenv("ONSITE_PACKS", raising=False)
    from onsite.sessions.catalog import catalog
    from onsite.store.db import engine

    catalog.cache_clear()
    engine.cache_clear()
    yield home
    catalog.cache_clear()
    engine.cache_clear()


@pytest.fixture
def tiny_pack(tmp_path, monkeypatch) -> Path:
    pack = make_tiny_pack(tmp_path / "tinypack")
    monkeypatch.setenv("ONSITE_PACKS", str(pack))
    from onsite.sessions.catalog import catalog

    catalog.cache_clear()
    return pack


def namespaces_available() -> bool:
    return os.geteuid() == 0 or Path("/proc/sys/kernel/unprivileged_userns_clone").exists()
