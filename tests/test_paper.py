"""Paper items: judged like code, then a follow-up answer stored for the rubric grader."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import make_tiny_paper_pack

REFERENCE = "def add(a, b):\n    return a + b\n"
ANSWER = ("Train the baseline and the variant for the same budget with three seeds each; if the "
          "gap stays inside the spread of seeds, the mechanism does not help.")


@pytest.fixture
def cli(onsite_home, tmp_path):
    pack = make_tiny_paper_pack(tmp_path / "paperpack")
    env = {**os.environ, "ONSITE_HOME": str(onsite_home), "ONSITE_PACKS": str(pack),
           "COLUMNS": "160"}

    def run(*args: str, check: int, stdin: str | None = None) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "onsite", *args], env=env, input=stdin,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == check, (done.returncode, done.stdout, done.stderr)
        return done

    return run


def test_the_follow_up_opens_after_a_pass_and_keeps_the_answer(cli, tmp_path):
    assert "opens after your implementation passes" in cli("followup", "tiny/add", check=2).stderr
    good = tmp_path / "good.py"
    good.write_text(REFERENCE)
    assert "onsite followup tiny/add" in cli("judge", "tiny/add", str(good), check=0).stdout

    question = cli("followup", "tiny/add", check=0).stdout
    assert "What experiment would you run first" in question

    short = cli("followup", "tiny/add", "--answer-file", "-", stdin="too short", check=2)
    assert "write at least" in short.stderr and "nothing was saved" in short.stderr
    saved = cli("followup", "tiny/add", "--answer-file", "-", stdin=ANSWER, check=0)
    assert "model answer" in saved.stdout and "Ablates the one new component" in saved.stdout
    assert "three seeds each" in cli("followup", "tiny/add", check=0).stdout

    dump = tmp_path / "history.json"
    cli("export", str(dump), check=0)
    answers = json.loads(dump.read_text())["written_answers"]
    assert [a["answer"] for a in answers] == [ANSWER] and answers[0]["grade"] is None


def test_a_missing_answer_file_is_a_usage_error(cli, tmp_path):
    good = tmp_path / "good.py"
    good.write_text(REFERENCE)
    cli("judge", "tiny/add", str(good), check=0)
    missing = cli("followup", "tiny/add", "--answer-file", str(tmp_path / "nope.md"), check=2)
    assert "no such file" in missing.stderr
