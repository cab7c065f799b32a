"""Runs hidden cases against a submission and writes one frame per case.

This module runs inside the sandboxed child, next to untrusted code. It holds
no expected values: it only produces observables. The verifier decides.
"""

from __future__ import annotations

import base64
import functools
import importlib
import linecache
import os
import sys
import time
import traceback
import types
from collections.abc import Callable

from onsite.judge.cases import MANIFEST, Case, collect, manifest, set_payload
from onsite.judge.observables import CaseResult, decode_stream, encode_frame

SUBMISSION_MODULE = "solution"


class ForbiddenCall(RuntimeError):
    """Raised when a submission calls an API its item forbids."""


def forbid(names: list[str]) -> None:
    """Replace each forbidden callable, and every alias of it, by one that refuses."""
    for dotted in names:
        sites = alias_sites(dotted)
        refusal = _refusal(dotted)
        for namespace, attr in sites:
            namespace[attr] = refusal


@functools.cache
def alias_sites(dotted: str) -> tuple[tuple[dict, str], ...]:
    """Every module namespace in the package that binds this callable under its name.

    Cached: the zygote computes it before forking, so each sandbox only patches.
    """
    module_name, _, attr = dotted.rpartition(".")
    module = sys.modules.get(module_name)
    if module is None:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return ()
    original = module.__dict__.get(attr)
    if original is None:
        return ()
    top = module_name.split(".")[0]
    sites = []
    for name, mod in list(sys.modules.items()):
        if not (name == top or name.startswith(top + ".")):
            continue
        # __dict__, not getattr: a module-level __getattr__ may import things lazily.
        namespace = getattr(mod, "__dict__", None)
        if isinstance(namespace, dict) and namespace.get(attr) is original:
            sites.append((namespace, attr))
    return tuple(sites)


def _refusal(dotted: str) -> Callable[..., None]:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ForbiddenCall(f"{dotted} is not allowed in this item: write it from scratch")

    return refuse


def load_submission(source: str, filename: str) -> types.ModuleType:
    module = types.ModuleType(SUBMISSION_MODULE)
    module.__file__ = filename
    # Registered so tracebacks can quote the learner's own lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    sys.modules[SUBMISSION_MODULE] = module
    exec(compile(source, filename, "exec"), module.__dict__)
    return module


def describe_error(exc: BaseException, filename: str) -> str:
    """The exception and the deepest line of the submission it passed through."""
    where = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            where = f" ({os.path.basename(filename)}, line {frame.lineno}: {frame.line})"
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        where = f" ({os.path.basename(filename)}, line {exc.lineno})"
    return (text[:1500] + where)[:2000]


def _is_memory_error(exc: BaseException) -> bool:
    return isinstance(exc, MemoryError) or "can't allocate memory" in str(exc)


def run(
    submission: str,
    submission_name: str,
    cases_source: str,
    cases_name: str,
    forbidden: list[str],
    emit: Callable[[bytes], None],
    with_manifest: bool = False,
    payload: bytes = b"",
) -> None:
    """Run every case against the submission, emitting one frame per case.

    With ``with_manifest`` (asked for reference runs only) a first frame lists
    the cases and their tolerances, so the verifier never executes cases.py.
    """
    if payload:
        frames, problem = decode_stream(payload)
        if problem or not frames:
            raise ValueError(f"malformed payload: {problem}")
        set_payload(frames[0].values)
    cases: list[Case] = collect(cases_source, cases_name)
    if with_manifest:
        emit(encode_frame(CaseResult(MANIFEST, "ok", values={"cases": manifest(cases)})))
    forbid(forbidden)
    try:
        module = load_submission(submission, submission_name)
    except BaseException as exc:  # noqa: BLE001 - any failure to import is reported per case
        status = "memory" if _is_memory_error(exc) else "error"
        message = "the submission failed to import: " + describe_error(exc, submission_name)
        for c in cases:
            emit(encode_frame(CaseResult(c.name, status, message)))
        return
    for c in cases:
        emit(_run_case(c, module, submission_name))


def _run_case(c: Case, module: types.ModuleType, filename: str) -> bytes:
    """Run one case and encode its frame; non-plain observables become errors here."""
    start = time.perf_counter()
    try:
        values = c.fn(module)
        if not isinstance(values, dict):
            raise TypeError(f"case {c.name!r} produced {type(values).__name__}, not a dict")
        ms = (time.perf_counter() - start) * 1000
        return encode_frame(CaseResult(c.name, "ok", ms=ms, values=values))
    except BaseException as exc:  # noqa: BLE001 - the submission may raise anything
        status = "memory" if _is_memory_error(exc) else "error"
        ms = (time.perf_counter() - start) * 1000
        return encode_frame(CaseResult(c.name, status, describe_error(exc, filename), ms))


def fd_writer(fd: int) -> Callable[[bytes], None]:
    def emit(data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    return emit


def serve(request_dict: dict, results_fd: int, output_fd: int) -> None:
    """Entry point of a forked child: wire up fds, run the cases, never return."""
    from onsite.judge.protocol import RunRequest

    code = 0
    try:
        request = RunRequest.from_dict(request_dict)
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        devnull = os.open(os.devnull, os.O_RDONLY) if os.path.exists(os.devnull) else None
        if devnull is not None:
            os.dup2(devnull, 0)
        sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
        run(request.submission, request.submission_name, request.cases, request.cases_name,
            list(request.forbidden), fd_writer(results_fd), request.with_manifest,
            base64.b64decode(request.payload) if request.payload else b"")
    except BaseException:  # noqa: BLE001 - report and exit, whatever happened
        code = 70
        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001
            pass
        os._exit(code)
