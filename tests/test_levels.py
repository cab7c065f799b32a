"""Levels items: one spec revealed level by level, each level's tests gated on the last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LEVEL_ONE, LEVEL_TWO, make_tiny_levels_pack


@pytest.fixture
def pack(tmp_path) -> Path:
    return make_tiny_levels_pack(tmp_path / "levelspack")


@pytest.fixture
def cli(onsite_home, pack):
    env = {**os.environ, "ONSITE_HOME": str(onsite_home), "ONSITE_PACKS": str(pack),
           "COLUMNS": "160"}

    def run(*args: str, check: int) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "onsite", *args], env=env,
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == check, (done.returncode, done.stdout[-3000:], done.stderr[-3000:])
        return done

    return run


def test_the_tiny_levels_pack_is_clean(cli, pack):
    assert "clean (1 item)" in cli("pack", "check", str(pack), check=0).stderr


def test_pack_check_proves_each_level_adds_behaviour(cli, pack):
    meta = pack / "levels/tiny/counter/.meta"
    (meta / "levels/1/solution.py").write_text(LEVEL_TWO)  # a "level 1" that does level 2
    (meta / "levels/2/cases.py").write_text(
        (meta / "levels/2/cases.py").read_text().split("@case(\"top of")[0])
    done = cli("pack", "check", str(pack), check=1).stdout
    assert "levels/1/solution.py:1: the level-1 reference already passes level 2" in done
    assert "levels/2/cases.py:1: 1 cases; write at least 3" in done


def test_levels_unlock_in_order_and_hide_what_is_locked(cli, tmp_path):
    folder = Path(cli("start", "tiny/counter", "--dir", str(tmp_path / "ws"), check=0)
                  .stdout.strip().splitlines()[-1])
    assert (folder / "level1.md").is_file() and not (folder / "level2.md").exists()

    (folder / "solution.py").write_text(LEVEL_ONE)
    first = json.loads(cli("test", "tiny/counter", "--json", check=1).stdout)
    assert first["status"] in ("fail", "error") and first["level"] == 2  # top() is missing
    assert first["message"].startswith("level 2 of 2")
    names = [t["name"] for t in first["tests"]]
    assert all(n.startswith(("level 1: ", "level 2: ")) for n in names)
    assert sum(n.startswith("level 1: ") for n in names) == 3
    assert (folder / "level2.md").is_file()  # level 1 passed, so level 2's spec is revealed

    (folder / "solution.py").write_text(LEVEL_TWO)
    done = json.loads(cli("test", "tiny/counter", "--json", check=0).stdout)
    assert done["status"] == "pass" and done["level"] == 2 and len(done["tests"]) == 6


def test_a_failing_level_one_shows_no_later_level(cli, tmp_path):
    cli("start", "tiny/counter", "--dir", str(tmp_path / "ws"), check=0)
    verdict = json.loads(cli("test", "tiny/counter", "--json", check=1).stdout)
    assert verdict["level"] == 1
    assert verdict["tests"] and all(t["name"].startswith("level 1: ") for t in verdict["tests"])
