"""The real CLI, driven as a learner would: subprocesses against a private ONSITE_HOME."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REFERENCE = "def add(a, b):\n    return a + b\n"


@pytest.fixture
def cli(onsite_home, tiny_pack):
    env = {**os.environ, "ONSITE_HOME": str(onsite_home), "ONSITE_PACKS": str(tiny_pack),
           "COLUMNS": "160"}

    def run(*args: str, check: int | None = None) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "onsite", *args], env=env,
                              capture_output=True, text=True, timeout=120)
        if check is not None:
            assert done.returncode == check, (done.returncode, done.stdout, done.stderr)
        return done

    run.env = env
    return run


def test_help_is_instant_and_imports_no_torch():
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "onsite", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    for heavy in ("torch", "numpy", "sqlalchemy", "onsite.judge.worker"):
        assert heavy not in imported, f"`onsite --help` imported {heavy}"
    assert "judge" in done.stdout and "pack" in done.stdout


def test_list_json_and_filters(cli):
    items = json.loads(cli("list", "--json", check=0).stdout)
    tiny = next(i for i in items if i["id"] == "tiny/add")
    assert {"id", "kind", "title", "topics", "difficulty", "minutes"} <= tiny.keys()
    assert tiny["topics"] == ["calculus"]
    # The built-in pack is always loaded beside the tiny one, so filters are checked by
    # what they keep and what they drop rather than by an exact list.
    only = json.loads(cli("list", "--json", "--topic", "calculus", check=0).stdout)
    assert "tiny/add" in [i["id"] for i in only]
    assert all("calculus" in i["topics"] for i in only) and len(only) < len(items)
    quiz = json.loads(cli("list", "--json", "--kind", "quiz", check=0).stdout)
    assert quiz and {i["kind"] for i in quiz} == {"quiz"}
    hard = json.loads(cli("list", "--json", "--difficulty", "hard", check=0).stdout)
    assert "tiny/add" not in [i["id"] for i in hard]


def test_solve_an_item_end_to_end(cli, tmp_path):
    assert "Add" in cli("show", "tiny/add", check=0).stdout
    folder = Path(cli("start", "tiny/add", "--dir", str(tmp_path / "ws"), check=0)
                  .stdout.strip().splitlines()[-1])
    solution = folder / "solution.py"
    assert "NotImplementedError" in solution.read_text()
    assert (folder / "prompt.md").is_file()

    first = cli("test", "tiny/add", "--json", check=1)
    assert json.loads(first.stdout)["status"] == "error"
    cli("explain", "tiny/add", check=0)  # unlocked by the failed attempt

    solution.write_text("def add(a, b):\n    return a - b\n")
    failed = json.loads(cli("test", "tiny/add", "--json", check=1).stdout)
    assert failed["status"] == "fail"
    assert any("max abs diff" in t["message"] for t in failed["tests"])

    solution.write_text(REFERENCE)
    readable = cli("test", "tiny/add", check=0).stdout
    assert "PASS" in readable and "3/3 cases passed" in readable
    # Starting again keeps the learner's work.
    cli("start", "tiny/add", "--dir", str(tmp_path / "ws"), check=0)
    assert solution.read_text() == REFERENCE

    stats = json.loads(cli("stats", "--json", check=0).stdout)
    row = next(r for r in stats if r["topic"] == "calculus")
    assert (row["attempts"], row["passed"], row["items_solved"]) == (3, 1, 1)


def test_judge_verdict_schema_and_exit_codes(cli, tmp_path):
    good = tmp_path / "good.py"
    good.write_text(REFERENCE)
    verdict = json.loads(cli("judge", "tiny/add", str(good), "--json", check=0).stdout)
    assert verdict["item"] == "tiny/add" and verdict["status"] == "pass"
    assert {"name", "status", "message", "ms"} <= verdict["tests"][0].keys()
    assert {"item", "status", "tests", "ms", "output"} <= verdict.keys()
    missing = cli("judge", "tiny/add", str(tmp_path / "nope.py"), check=2)
    assert "no such file" in missing.stderr
    unknown = cli("judge", "tiny/addd", str(good), check=2)
    assert "tiny/add" in unknown.stderr  # suggests the close match


def test_hints_are_revealed_one_at_a_time(cli):
    assert "hint 1 of 2" in cli("hint", "tiny/add", check=0).stdout
    assert "hint 2 of 2" in cli("hint", "tiny/add", check=0).stdout
    assert "All 2 hints" in cli("hint", "tiny/add", check=0).stderr


def test_explain_needs_an_attempt(cli):
    assert "unlocks after a first attempt" in cli("explain", "tiny/add", check=2).stderr


def test_export_then_import_into_a_fresh_home(cli, tmp_path):
    good = tmp_path / "good.py"
    good.write_text(REFERENCE)
    cli("judge", "tiny/add", str(good), check=0)
    cli("hint", "tiny/add", check=0)
    dump = tmp_path / "history.json"
    cli("export", str(dump), check=0)
    data = json.loads(dump.read_text())
    assert len(data["attempts"]) == 1 and len(data["hint_reveals"]) == 1

    other = {**cli.env, "ONSITE_HOME": str(tmp_path / "elsewhere")}
    for _ in range(2):  # importing twice duplicates nothing
        subprocess.run([sys.executable, "-m", "onsite", "import", str(dump)], env=other,
                       check=True, capture_output=True, timeout=60)
    stats = subprocess.run([sys.executable, "-m", "onsite", "stats", "--json"], env=other,
                           check=True, capture_output=True, text=True, timeout=60)
    row = next(r for r in json.loads(stats.stdout) if r["topic"] == "calculus")
    assert row["attempts"] == 1 and row["passed"] == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert "not an onsite export" in cli("import", str(bad), check=2).stderr


def test_watch_rejudges_on_save(cli, tmp_path):
    folder = Path(cli("start", "tiny/add", "--dir", str(tmp_path), check=0).stdout.split()[-1])
    proc = subprocess.Popen([sys.executable, "-m", "onsite", "watch", "tiny/add"], env=cli.env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        seen = ""
        os.set_blocking(proc.stdout.fileno(), False)
        wrote = False
        while time.monotonic() < deadline and "PASS" not in seen:
            try:
                seen += os.read(proc.stdout.fileno(), 65536).decode(errors="replace")
            except BlockingIOError:
                pass
            if "ERROR" in seen and not wrote:
                time.sleep(0.1)
                (folder / "solution.py").write_text(REFERENCE)
                wrote = True
            time.sleep(0.1)
        assert "ERROR" in seen and "PASS" in seen, seen
    finally:
        proc.kill()
        proc.wait()


def test_pack_check_reports_path_and_line(cli, tiny_pack):
    assert "clean" in cli("pack", "check", str(tiny_pack), check=0).stderr
    assert "(1 item)" in cli("pack", "check", str(tiny_pack), "--only", "code/tiny/",
                              check=0).stderr
    missing = cli("pack", "check", str(tiny_pack), "--only", "nothing/", "--quick", check=2)
    assert "no item's id starts with this" in missing.stderr
    item_yaml = tiny_pack / "code" / "tiny" / "add" / "item.yaml"
    item_yaml.write_text(item_yaml.read_text().replace("topics: [calculus]", "topics: [nope]"))
    wrong = tiny_pack / "code" / "tiny" / "add" / ".meta" / "wrong" / "minus.py"
    wrong.write_text('"""Actually right."""\n\n\ndef add(a, b):\n    return a + b\n')
    done = cli("pack", "check", str(tiny_pack), check=1)
    assert f"{item_yaml}:5: topic 'nope'" in done.stdout
    assert f"{wrong}:1: this known-wrong variant passes" in done.stdout


def test_pack_stats_counts_and_names_gaps(cli, tiny_pack):
    stats = json.loads(cli("pack", "stats", str(tiny_pack), "--json", check=0).stdout)
    assert stats["kinds"] == {"code": 1}
    assert stats["difficulty"]["code"] == {"easy": 1, "medium": 0, "hard": 0}
    assert stats["families"] == {"numerics": {"easy": 1}}
    assert stats["implementation_mix"]["easy"] == 1.0
    gaps = " ".join(stats["gaps"])
    assert "'numerics' has 1 implementation item" in gaps and "'systems' has 0" in gaps
    table = cli("pack", "stats", str(tiny_pack), check=0).stdout
    assert "numerics" in table and "gap:" in table
