"""The API hidden cases are written with (``.meta/cases.py`` of a code item).

A case is a function that receives the submitted module, builds its inputs
from a fixed seed, calls the submission and returns a dict of observables::

    @case("causal mask, batch 2", atol=1e-6)
    def causal(sub):
        torch.manual_seed(0)
        q = torch.randn(2, 5, 8)
        return {"out": sub.attention(q, q, q, causal=True)}

The same function runs on the reference (to produce the expected observables)
and on the submission; the verifier compares the two dicts. A case never holds
an expected value, so running it next to untrusted code gives nothing away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CaseFn = Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    """One hidden case and how its observables are compared."""

    name: str
    fn: CaseFn
    atol: float = 1e-6
    rtol: float = 1e-5
    # When true, a float64 expectation must come back as float64 (and so on).
    strict_dtype: bool = False
    # Per-observable overrides: {"grad_x": (atol, rtol)}.
    tolerances: dict[str, tuple[float, float]] = field(default_factory=dict)


_registry: list[Case] = []
MANIFEST = "__manifest__"
PAYLOAD = "__payload__"
_payload: dict[str, Any] = {}


def payload() -> dict[str, Any]:
    """The data the verifier sent with this run (a debug item's training data and
    held-out inputs); empty for code items."""
    return _payload


def set_payload(values: dict[str, Any]) -> None:
    _payload.clear()
    _payload.update(values)


def manifest(cases: list[Case]) -> list[list]:
    """Case names and tolerances as plain data (the verifier needs nothing more)."""
    return [[c.name, c.atol, c.rtol, c.strict_dtype,
             [[k, *v] for k, v in c.tolerances.items()]] for c in cases]


def from_manifest(rows: list[list]) -> list[Case]:
    """Rebuild case metadata without executing any case code (fn is never called)."""
    return [Case(str(name), _never, float(atol), float(rtol), bool(strict),
                 {str(k): (float(a), float(r)) for k, a, r in tols})
            for name, atol, rtol, strict, tols in rows]


def _never(_sub: Any) -> dict[str, Any]:
    raise RuntimeError("a case rebuilt from a manifest cannot run")


def case(
    name: str,
    *,
    atol: float = 1e-6,
    rtol: float = 1e-5,
    strict_dtype: bool = False,
    tolerances: dict[str, tuple[float, float]] | None = None,
) -> Callable[[CaseFn], CaseFn]:
    """Register ``fn`` as a hidden case named ``name``."""

    def register(fn: CaseFn) -> CaseFn:
        if name == MANIFEST:
            raise ValueError(f"{MANIFEST!r} is reserved")
        if any(c.name == name for c in _registry):
            raise ValueError(f"two cases are named {name!r}")
        _registry.append(
            Case(name, fn, atol, rtol, strict_dtype, dict(tolerances or {}))
        )
        return fn

    return register


def collect(source: str, filename: str) -> list[Case]:
    """Execute a cases file and return the cases it registered, in order."""
    _registry.clear()
    namespace: dict[str, Any] = {"__name__": "onsite_cases", "__file__": filename}
    exec(compile(source, filename, "exec"), namespace)
    found = list(_registry)
    _registry.clear()
    return found
