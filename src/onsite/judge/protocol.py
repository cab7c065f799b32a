"""What the verifier asks a runner for, and what a runner hands back."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# Bumped whenever cases, observables or comparison change meaning: it is part
# of the key of every cached expectation.
PROTOCOL_VERSION = "2"
OUTPUT_CAP = 4096


@dataclass(frozen=True)
class RunRequest:
    submission: str
    cases: str
    forbidden: tuple[str, ...] = ()
    wall_s: float = 20.0
    cpu_s: int = 20
    memory_mb: int = 1024
    submission_name: str = "/sandbox/solution.py"
    cases_name: str = "/sandbox/cases.py"
    with_manifest: bool = False
    # base64 of one observables frame the cases can read with cases.payload(): the
    # training data and held-out inputs of a debug item (never its targets)
    payload: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["forbidden"] = list(self.forbidden)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> RunRequest:
        return cls(**{**data, "forbidden": tuple(data["forbidden"])})


@dataclass
class RunResult:
    results: bytes
    output: bytes
    exit_code: int | None
    timed_out: bool
    wall_ms: float
    isolation: str
