"""Trusted comparison of a submission's observables with the reference's.

Every message names the observable and says what differs, in the terms a
learner can act on: a shape, a dtype, the largest difference and where it is.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from onsite.judge.cases import Case


def compare_values(expected: dict[str, Any], observed: dict[str, Any], case: Case) -> str | None:
    """Return None when every expected observable matches, else the first difference."""
    for key, want in expected.items():
        if key not in observed:
            return f"{key}: missing (the case expected an observable named {key!r})"
        atol, rtol = case.tolerances.get(key, (case.atol, case.rtol))
        problem = compare_one(want, observed[key], atol, rtol, case.strict_dtype)
        if problem:
            return f"{key}: {problem}"
    return None


def compare_one(want: Any, got: Any, atol: float, rtol: float, strict_dtype: bool) -> str | None:
    """Compare one observable; numbers and arrays numerically, anything else exactly."""
    want_arr, got_arr = as_numeric(want), as_numeric(got)
    if want_arr is None:
        if want != got:
            return f"expected {_short(want)}, got {_short(got)}"
        return None
    if got_arr is None:
        return f"expected numbers of shape {tuple(want_arr.shape)}, got {_short(got)}"
    return _compare_arrays(want_arr, got_arr, atol, rtol, strict_dtype)


def _compare_arrays(
    want: np.ndarray, got: np.ndarray, atol: float, rtol: float, strict_dtype: bool
) -> str | None:
    if want.shape != got.shape:
        return f"shape {tuple(got.shape)}, expected {tuple(want.shape)}"
    if strict_dtype and want.dtype != got.dtype:
        return f"dtype {got.dtype}, expected {want.dtype}"
    # 0-d arrays (a bare bool, int or float) have no indices for argwhere to report.
    want, got = np.atleast_1d(want), np.atleast_1d(got)
    if want.dtype.kind in "biu":
        if got.dtype.kind == "f" and not np.all(np.isfinite(got)):
            return "expected integers, got non-finite values"
        mismatch = np.argwhere(want != got)
        if mismatch.size:
            where = tuple(int(i) for i in mismatch[0])
            return (f"{len(mismatch)} of {want.size} entries differ; first at {list(where)}: "
                    f"got {got[where]!r}, expected {want[where]!r}")
        return None
    want64 = want.astype(np.float64)
    got64 = got.astype(np.float64)
    nan_mismatch = np.isnan(want64) != np.isnan(got64)
    if nan_mismatch.any():
        where = tuple(int(i) for i in np.argwhere(nan_mismatch)[0])
        return f"NaN where a number was expected (or the reverse) at {list(where)}"
    both = ~np.isnan(want64)
    inf_mismatch = both & (np.isinf(want64) | np.isinf(got64)) & (want64 != got64)
    if inf_mismatch.any():
        where = tuple(int(i) for i in np.argwhere(inf_mismatch)[0])
        return f"got {got64[where]}, expected {want64[where]} at {list(where)}"
    finite = both & np.isfinite(want64)
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf where both are inf
        diff = np.where(finite, np.abs(got64 - want64), 0.0)
    bound = atol + rtol * np.abs(np.where(finite, want64, 0.0))
    bad = diff > bound
    if bad.any():
        idx = np.unravel_index(int(np.argmax(np.where(bad, diff, -1.0))), diff.shape)
        where = [int(i) for i in idx]
        return (f"max abs diff {diff[idx]:.2e} at {where}: got {got64[idx]:.6g}, expected "
                f"{want64[idx]:.6g} (tolerance {atol:g} + {rtol:g}·|expected|)")
    return None


def as_numeric(value: Any) -> np.ndarray | None:
    if isinstance(value, np.ndarray):
        return value
    if isinstance(value, bool | int | float) or _is_numeric_list(value):
        try:
            array = np.asarray(value)
        except ValueError:  # ragged lists
            return None
        if array.dtype.kind in "biuf":
            return array
    return None


def _is_numeric_list(value: Any) -> bool:
    if not isinstance(value, list | tuple) or not value:
        return False
    return all(
        isinstance(v, bool | int | float) or _is_numeric_list(v) for v in value
    )


def _short(value: Any) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
