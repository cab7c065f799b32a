"""Where namespaces are missing the judge still judges, and says it is not isolated."""

from __future__ import annotations

from onsite.judge.verifier import judge_source
from onsite.judge.worker import SandboxRunner
from onsite.packs.loader import load_pack


def test_rlimits_only_mode_still_gives_true_verdicts(onsite_home, tiny_pack):
    item = load_pack(tiny_pack).get("tiny/add")
    with SandboxRunner(mode="rlimits-only") as runner:
        good = judge_source(item, "def add(a, b):\n    return a + b\n", runner)
        bad = judge_source(item, "def add(a, b):\n    return a - b\n", runner)
        slow = judge_source(item, "def add(a, b):\n    while True: pass\n", runner)
    assert good.passed and good.isolation == "rlimits-only"
    assert bad.status == "fail"
    assert slow.status == "timeout"
