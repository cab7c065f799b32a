"""Judging a levels item: each level's hidden tests in turn, stopping at the first that fails.

The learner sees the tests of the levels passed and of the current one, never those of a
locked level: the verdict holds nothing past the first failing level.
"""

from __future__ import annotations

import time
from dataclasses import replace

from onsite.judge.verdict import Verdict
from onsite.packs.loader import Item


def judge_levels(item: Item, source: str, runner) -> Verdict:
    from onsite.judge.verifier import judge_source

    start = time.perf_counter()
    total = item.meta.levels or 1
    tests = []
    for k in range(1, total + 1):
        verdict = judge_source(item.level(k), source, runner)
        tests.extend(replace(t, name=f"level {k}: {t.name}") for t in verdict.tests)
        if not verdict.passed:
            failing = sum(t.status != "pass" for t in verdict.tests)
            message = (f"level {k} of {total}: {verdict.message}" if not verdict.tests else
                       f"level {k} of {total}: {failing} of {len(verdict.tests)} tests fail")
            return replace(verdict, item=item.id, tests=tests, message=message, level=k,
                           ms=(time.perf_counter() - start) * 1000)
    return Verdict(item.id, "pass", tests=tests, isolation=verdict.isolation, level=total,
                   message=f"all {total} levels pass", ms=(time.perf_counter() - start) * 1000)
