"""The verdict: one schema for the CLI, the web pages, the store and the API."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Status = Literal["pass", "fail", "error", "timeout", "memory", "rejected"]
TestStatus = Literal["pass", "fail", "error"]


@dataclass
class TestResult:
    name: str
    status: TestStatus
    message: str = ""
    ms: float = 0.0


@dataclass
class Verdict:
    item: str
    status: Status
    tests: list[TestResult] = field(default_factory=list)
    ms: float = 0.0
    output: str = ""
    # How the code ran: "namespaces+seccomp", "user-namespaces+seccomp" or "rlimits-only".
    isolation: str = ""
    message: str = ""
    # debug items: the training loss per epoch the submission reported
    curve: list[float] = field(default_factory=list)
    # levels items: the level the submission reached (the first it fails, or the last)
    level: int = 0

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    def to_dict(self) -> dict:
        data = asdict(self)
        for test in data["tests"]:
            test["ms"] = round(test["ms"], 1)
        data["ms"] = round(self.ms, 1)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Verdict:
        tests = [TestResult(**t) for t in data.get("tests", [])]
        return cls(**{**data, "tests": tests})
