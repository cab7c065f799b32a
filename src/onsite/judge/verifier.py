"""Turns a submission into a verdict. Trusted: it never executes user code itself.

It holds the expected observables and the cases' tolerances (both produced by
running the reference once per item version, then cached where the sandbox
cannot see), asks a runner to execute the cases against the submission in
isolation, and compares. It never executes cases.py itself, so it needs no torch.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from typing import Protocol

from onsite import config
from onsite.judge import static
from onsite.judge.cases import MANIFEST, Case, from_manifest
from onsite.judge.compare import compare_values
from onsite.judge.observables import CaseResult, decode_stream
from onsite.judge.protocol import OUTPUT_CAP, PROTOCOL_VERSION, RunRequest, RunResult
from onsite.judge.verdict import TestResult, Verdict
from onsite.packs.loader import Item


class Runner(Protocol):
    def run(self, request: RunRequest) -> RunResult: ...


class ReferenceBroken(RuntimeError):
    """The item's own reference did not produce every observable: a content bug."""


@dataclass(frozen=True)
class Expectation:
    cases: list[Case]
    results: dict[str, CaseResult]


def request_for(item: Item, source: str, *, reference: bool = False) -> RunRequest:
    limits = item.meta.limits
    return RunRequest(
        submission=source,
        cases=item.cases_path.read_text(),
        forbidden=tuple(item.meta.forbidden),
        wall_s=limits.wall_s,
        cpu_s=limits.cpu_s,
        memory_mb=limits.memory_mb,
        with_manifest=reference,
    )


def expectation_key(item: Item) -> str:
    digest = hashlib.sha256(PROTOCOL_VERSION.encode())
    for file in (item.path / "item.yaml", item.solution_path, item.cases_path):
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _parse_expectation(blob: bytes) -> tuple[Expectation | None, str]:
    results, problem = decode_stream(blob)
    if problem:
        return None, problem
    if not results or results[0].case != MANIFEST:
        return None, "no case manifest"
    cases = from_manifest(results[0].values["cases"])
    by_name = {r.case: r for r in results[1:]}
    broken = [c.name for c in cases if c.name not in by_name or by_name[c.name].status != "ok"]
    if broken:
        return None, "; ".join(
            f"{n}: {by_name[n].message if n in by_name else 'missing'}" for n in broken)
    return Expectation(cases, by_name), ""


def expected_for(item: Item, runner: Runner) -> Expectation:
    """The reference's observables and the case list, computed once per item version."""
    folder = config.cache_dir() / "expected"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{item.id.replace('/', '__')}-{expectation_key(item)}.bin"
    if path.exists():
        cached, _ = _parse_expectation(path.read_bytes())
        if cached is not None:
            return cached
    raw = runner.run(request_for(item, item.solution_path.read_text(), reference=True))
    expectation, problem = _parse_expectation(raw.results)
    if expectation is None:
        output = raw.output.decode(errors="replace")[-1000:]
        raise ReferenceBroken(f"{item.id}: the reference failed: {problem} {output}".strip())
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(raw.results)
    tmp.replace(path)
    return expectation


def judge(item: Item, source: str, runner: Runner) -> Verdict:
    """Judge a submission of any judged kind: hidden cases, or learning on held-out data."""
    if item.meta.kind == "debug":
        from onsite.judge.debug import judge_debug

        return judge_debug(item, source, runner)
    if item.meta.kind == "levels":
        from onsite.judge.levels import judge_levels

        return judge_levels(item, source, runner)
    return judge_source(item, source, runner)


def judge_source(item: Item, source: str, runner: Runner) -> Verdict:
    """Judge one submission's source text against the item's hidden cases."""
    start = time.perf_counter()
    refusals = static.forbidden_uses(source, item.meta.forbidden)
    if refusals:
        return Verdict(item.id, "rejected", message="; ".join(refusals),
                       ms=(time.perf_counter() - start) * 1000)
    expectation = expected_for(item, runner)
    raw = runner.run(request_for(item, source))
    verdict = decide(item.id, expectation, raw)
    verdict.ms = (time.perf_counter() - start) * 1000
    return verdict


def decide(item_id: str, expectation: Expectation, raw: RunResult) -> Verdict:
    """Compare what the child reported with the expectations, case by case."""
    observed, problem = decode_stream(raw.results)
    by_name: dict[str, CaseResult] = {}
    for result in observed:
        by_name.setdefault(result.case, result)  # a duplicate frame cannot replace the first
    tests: list[TestResult] = []
    for c in expectation.cases:
        got = by_name.get(c.name)
        if got is None:
            tests.append(TestResult(c.name, "error", _why_missing(raw, problem)))
        elif got.status != "ok":
            tests.append(TestResult(c.name, "error", got.message, got.ms))
        else:
            diff = compare_values(expectation.results[c.name].values, got.values, c)
            tests.append(TestResult(c.name, "fail" if diff else "pass", diff or "", got.ms))
    output = raw.output[:OUTPUT_CAP].decode(errors="replace")
    status = _overall(tests, observed, raw)
    return Verdict(item_id, status, tests, output=output, isolation=raw.isolation,
                   message=_summary(status, tests))


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


def _summary(status: str, tests: list[TestResult]) -> str:
    passed = sum(t.status == "pass" for t in tests)
    text = f"{passed}/{len(tests)} cases passed"
    if status == "timeout":
        text += " before the time limit"
    elif status == "memory":
        text += "; the submission ran out of memory"
    return text
