"""Generic trivial submissions that every code item must reject.

Published benchmarks have been passed by "return zeros" on a share of their
problems, so `pack check` proves each item's cases tell such answers apart
from the reference. Two forms:

- a real submission that returns its first argument unchanged, judged through
  the runner like any other;
- observables forged from the reference's own (all zeros, random values of
  the right shape and dtype, the expected shape filled with the mean), compared
  by the same code that compares a learner's. Forging at the observable level
  covers every way a submission could produce those values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from onsite.judge.compare import as_numeric

Forge = Callable[[np.ndarray, np.random.Generator], np.ndarray]


def echo_source(entry: list[str]) -> str:
    """A submission defining every entry name as "return the first input unchanged"."""
    body = ["def _echo(*args, **kwargs):",
            "    if args:",
            "        return args[0]",
            "    return next(iter(kwargs.values()), None)", ""]
    body += [f"{name} = _echo" for name in entry]
    return "\n".join(body) + "\n"


def _zeros(want: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.zeros_like(want)


def _random(want: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    if want.dtype.kind == "b":
        return rng.random(want.shape) < 0.5
    if want.dtype.kind in "iu":
        low, high = (int(want.min()), int(want.max()) + 1) if want.size else (0, 1)
        return rng.integers(low, high, size=want.shape).astype(want.dtype)
    return rng.standard_normal(want.shape).astype(want.dtype)


def _mean(want: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    finite = want[np.isfinite(want)] if want.dtype.kind == "f" else want
    mean = float(np.mean(finite)) if finite.size else 0.0
    if want.dtype.kind in "biu":
        return np.full_like(want, round(mean))
    return np.full_like(want, mean)


FORGES: dict[str, Forge] = {"all zeros": _zeros, "random values": _random,
                            "the mean everywhere": _mean}


def forge(values: dict[str, Any], how: Forge, seed: int = 0) -> dict[str, Any]:
    """The observables a trivial submission would report in place of ``values``."""
    rng = np.random.default_rng(seed)
    return {key: _forge_one(value, how, rng) for key, value in values.items()}


def _forge_one(value: Any, how: Forge, rng: np.random.Generator) -> Any:
    array = as_numeric(value)
    if array is not None:
        return how(np.asarray(array), rng)
    # Strings, dicts and ragged lists: a trivial answer is the empty value of that type.
    return type(value)() if isinstance(value, str | list | dict | tuple) else None


def unchanged(values: dict[str, Any], forged: dict[str, Any]) -> bool:
    """True when the forge reproduced the answer only because every observable is a lone
    number (the mean of one scalar is that scalar): such a forge is the right answer, not a
    trivial one. A forge that reproduces a larger answer (all zeros, one constant) is kept:
    a trivial submission would pass those cases, which is what the check exists to catch."""
    for key, value in values.items():
        array = as_numeric(value)
        if array is None:
            if forged[key] != value:
                return False
        elif np.asarray(array).size > 1 or not np.array_equal(
                np.asarray(array), np.asarray(forged[key]), equal_nan=True):
            return False
    return True
