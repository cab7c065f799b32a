"""Debug items: the repaired script must learn; bugs are named; targets never leave the verifier."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from onsite.packs.loader import BUILTIN_PACK, load_item

ITEM_ID = "classification/mlp-blobs"
ITEM = load_item(BUILTIN_PACK / "debug/classification/mlp-blobs")


@pytest.fixture
def cli(onsite_home):
    env = {**os.environ, "ONSITE_HOME": str(onsite_home), "COLUMNS": "120"}

    def run(*args: str, check: int, stdin: str | None = None) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "onsite", *args], env=env, input=stdin,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == check, (done.returncode, done.stdout[-3000:], done.stderr[-3000:])
        return done

    return run


def test_repair_then_name_the_bugs(cli, tmp_path):
    folder = Path(cli("start", ITEM_ID, "--dir", str(tmp_path / "ws"), check=0)
                  .stdout.strip().splitlines()[-1])
    script = folder / "solution.py"
    assert script.read_text() == ITEM.starter
    broken = json.loads(cli("test", ITEM_ID, "--json", check=1).stdout)
    assert broken["status"] == "fail" and "accuracy" in broken["message"]
    assert len(broken["curve"]) == 40  # the loss of every epoch comes back
    script.write_text(ITEM.solution_path.read_text())
    fixed = cli("test", ITEM_ID, check=0).stdout
    assert "PASS" in fixed and "training loss per epoch" in fixed
    bad = cli("bugs", ITEM_ID, "--answer-file", "-", stdin="17 softmax-twice\n", check=2)
    assert "not a bug class" in bad.stderr
    named = cli("bugs", ITEM_ID, "--answer-file", "-",
                stdin="18 double-softmax\n39 missing-zero-grad\n5 wrong-init\n", check=0).stdout
    assert "2/3 bugs named" in named and "missed" in named and "not a planted bug" in named


def test_bugs_are_named_only_after_a_pass(cli):
    out = cli("bugs", ITEM_ID, "--answer-file", "-", stdin="17 double-softmax\n", check=2)
    assert "after your repaired script passes" in out.stderr


def test_claims_are_matched_by_class_and_nearby_line():
    from onsite.sessions.debugging import parse_claims, score_claims

    # 16 is one line from the bug at 17 (accepted); 42 is three from the one at 39 (not).
    claims = parse_claims("line 16: double-softmax\n# a comment\n\n42 missing-zero-grad\n")
    result = score_claims(ITEM.bugs, claims)
    assert [b["class"] for b in result.found] == ["double-softmax"]
    assert result.score == pytest.approx(1 / 3) and result.extra == ["42 missing-zero-grad"]
    exact = score_claims(ITEM.bugs, [(17, "double-softmax"), (39, "missing-zero-grad"),
                                     (48, "train-mode-at-eval")])
    assert exact.score == 1 and not exact.extra
    wrong_class = score_claims(ITEM.bugs, [(17, "wrong-loss")])
    assert wrong_class.score == 0 and wrong_class.extra == ["17 wrong-loss"]
    with pytest.raises(ValueError, match="line number and a bug class"):
        parse_claims("the softmax one")


MEMORISED = """
import torch

PREDICTIONS = {predictions}


def train(data, seed):
    return None, [1.0, 0.5]


def predict(model, inputs):
    return torch.tensor(PREDICTIONS)
"""

SNOOPER = """
import gc, os
import numpy as np
import torch


def train(data, seed):
    return None, [1.0]


def predict(model, inputs):
    n = len(inputs["x"])
    # Anything shaped like held-out labels in this process's memory?
    for obj in gc.get_objects():
        if isinstance(obj, np.ndarray) and obj.shape == (n,) and obj.dtype.kind == "i":
            return torch.from_numpy(obj)
    # Or on disk, where the verifier caches its data?
    for root in (os.environ.get("ONSITE_HOME", "/nonexistent"), "/root", "/home", "/tmp", "/var"):
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.endswith(".npy"):
                    try:
                        arr = np.load(os.path.join(dirpath, name))
                    except Exception:
                        continue
                    if arr.shape == (n,):
                        return torch.from_numpy(arr)
    return torch.zeros(n, dtype=torch.long)
"""


@pytest.mark.slow
def test_memorised_or_stolen_targets_do_not_pass(onsite_home, tmp_path, monkeypatch):
    import torch

    from onsite.judge.debug import _make_data, judge_debug
    from onsite.judge.worker import SandboxRunner

    train, test_inputs, _ = _make_data(ITEM, 0)
    fix = {}
    exec(compile(ITEM.solution_path.read_text(), "fix", "exec"), fix)
    model, _ = fix["train"]({k: torch.from_numpy(v) for k, v in train.items()}, 0)
    with torch.no_grad():
        remembered = fix["predict"](model, {k: torch.from_numpy(v) for k, v in test_inputs.items()})
    memorised = MEMORISED.format(predictions=remembered.tolist())
    with SandboxRunner() as runner:
        assert judge_debug(ITEM, memorised, runner, seed=0).passed  # right data: it is an answer
        assert not judge_debug(ITEM, memorised, runner, seed=1).passed  # other data: it is not
        snooped = judge_debug(ITEM, SNOOPER, runner, seed=2)
    # It ran to the end and was scored (not crashed): it found nothing to steal, so it
    # fell back to predicting class 0 everywhere, about a quarter right.
    assert snooped.status == "fail" and snooped.message.startswith("accuracy "), snooped
    assert float(snooped.message.split()[1].rstrip(";")) < 0.4
    # The attack is real: unsandboxed, in a home where only this seed's data is cached, it
    # finds the held-out targets on disk and passes.
    from onsite.judge.local import LocalRunner

    monkeypatch.setenv("ONSITE_HOME", str(tmp_path / "fresh-home"))
    assert judge_debug(ITEM, SNOOPER, LocalRunner(), seed=2).passed
