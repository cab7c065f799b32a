"""Turns a submission into a verdict. Trusted: it never executes user code itself.

It holds the cases' metadata and the expected observables, asks a runner to
execute the cases against the submission in isolation, and compares.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Protocol

from onsite import config
from onsite.judge import static
from onsite.judge.cases import Case, collect
from onsite.judge.compare import compare_values
from onsite.judge.observables import CaseResult, decode_stream
from onsite.judge.protocol import OUTPUT_CAP, PROTOCOL_VERSION, RunRequest, RunResult
from onsite.judge.verdict import TestResult, Verdict
from onsite.packs.loader import Item


class Runner(Protocol):
    def run(self, request: RunRequest) -> RunResult: ...


class ReferenceBroken(RuntimeError):
    """The item's own reference did not produce every observable: a content bug."""


def request_for(item: Item, source: str) -> RunRequest:
    limits = item.meta.limits
    return RunRequest(
        submission=source,
        cases=item.cases_path.read_text(),
        forbidden=tuple(item.meta.forbidden),
        wall_s=limits.wall_s,
        cpu_s=limits.cpu_s,
        memory_mb=limits.memory_mb,
    )


def expectation_key(item: Item) -> str:
    digest = hashlib.sha256(PROTOCOL_VERSION.encode())
    for file in (item.path / "item.yaml", item.solution_path, item.cases_path):
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def expected_for(item: Item, runner: Runner) -> dict[str, CaseResult]:
    """The reference's observables, computed once per item version and cached."""
    folder = config.cache_dir() / "expected"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{item.id.replace('/', '__')}-{expectation_key(item)}.bin"
    if path.exists():
        results, problem = decode_stream(path.read_bytes())
        if problem is None:
            return {r.case: r for r in results}
    raw = runner.run(request_for(item, item.solution_path.read_text()))
    results, problem = decode_stream(raw.results)
    cases = collect(item.cases_path.read_text(), str(item.cases_path))
    by_name = {r.case: r for r in results}
    broken = [c.name for c in cases if by_name.get(c.name, CaseResult(c.name, "error")).status != "ok"]
    if problem or broken:
        detail = problem or "; ".join(f"{n}: {by_name[n].message if n in by_name else 'missing'}"
                                      for n in broken)
        output = raw.output.decode(errors="replace")[-1000:]
        raise ReferenceBroken(f"{item.id}: the reference failed: {detail} {output}".strip())
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(raw.results)
    tmp.replace(path)
    return by_name


def judge_source(item: Item, source: str, runner: Runner) -> Verdict:
    """Judge one submission's source text against the item's hidden cases."""
    start = time.perf_counter()
    refusals = static.forbidden_uses(source, item.meta.forbidden)
    if refusals:
        return Verdict(item.id, "rejected", message="; ".join(refusals),
                       ms=(time.perf_counter() - start) * 1000)
    cases = collect(item.cases_path.read_text(), str(item.cases_path))
    expected = expected_for(item, runner)
    raw = runner.run(request_for(item, source))
    verdict = decide(item.id, cases, expected, raw)
    verdict.ms = (time.perf_counter() - start) * 1000
    return verdict


def decide(item_id: str, cases: list[Case], expected: dict[str, CaseResult],
           raw: RunResult) -> Verdict:
    """Compare what the child reported with the expectations, case by case."""
    observed, problem = decode_stream(raw.results)
    by_name: dict[str, CaseResult] = {}
    for result in observed:
        by_name.setdefault(result.case, result)  # a duplicate frame cannot replace the first
    tests: list[TestResult] = []
    for c in cases:
        got = by_name.get(c.name)
        if got is None:
            tests.append(TestResult(c.name, "error", _why_missing(raw, problem)))
        elif got.status != "ok":
            tests.append(TestResult(c.name, "error", got.message, got.ms))
        else:
            diff = compare_values(expected[c.name].values, got.values, c)
            tests.append(TestResult(c.name, "fail" if diff else "pass", diff or "", got.ms))
    output = raw.output[:OUTPUT_CAP].decode(errors="replace")
    status = _overall(tests, observed, raw)
    return Verdict(item_id, status, tests, output=output, isolation=raw.isolation,
                   message=_summary(status, tests, raw))


def _why_missing(raw: RunResult, problem: str | None) -> str:
    if raw.timed_out:
        return "did not finish before the time limit"
    if problem:
        return f"no result: {problem}"
    if raw.exit_code not in (0, None):
        return f"no result: the submission's process ended with status {raw.exit_code}"
    return "no result: the submission stopped before this case ran"


def _overall(tests: list[TestResult], observed: list[CaseResult], raw: RunResult) -> str:
    if tests and all(t.status == "pass" for t in tests):
        return "pass"
    if raw.timed_out:
        return "timeout"
    if any(r.status == "memory" for r in observed):
        return "memory"
    if all(t.status == "error" for t in tests):
        return "error"
    return "fail"


def _summary(status: str, tests: list[TestResult], raw: RunResult) -> str:
    passed = sum(t.status == "pass" for t in tests)
    text = f"{passed}/{len(tests)} cases passed"
    if status == "timeout":
        text += " before the time limit"
    elif status == "memory":
        text += "; the submission ran out of memory"
    return text


def read_submission(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")
