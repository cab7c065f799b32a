"""Data-only wire format for case results: JSON headers plus raw array bytes.

The sandboxed child writes one frame per case; the verifier parses frames
strictly. Nothing here can execute code on the reading side: arrays are rebuilt
with ``numpy.frombuffer`` from a whitelisted dtype, everything else is JSON.

Frame layout::

    4 bytes  big-endian length H of the header
    H bytes  UTF-8 JSON header {"case", "status", "message", "ms", "values", "payload"}
    P bytes  payload (P = header["payload"]): the arrays' bytes, back to back
"""

from __future__ import annotations

import json
import math
import struct
import sys
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MAX_HEADER = 1 << 20
MAX_STREAM = 64 << 20
MAX_FRAMES = 2000
MAX_DIMS = 8
MAX_JSON_DEPTH = 6
DTYPES = {
    "bool", "int8", "int16", "int32", "int64", "uint8",
    "float16", "float32", "float64",
}
STATUSES = {"ok", "error", "memory"}


class MalformedStream(ValueError):
    """The child wrote something that is not a well-formed frame."""


@dataclass
class CaseResult:
    """What the child reported for one case."""

    case: str
    status: str
    message: str = ""
    ms: float = 0.0
    values: dict[str, Any] = field(default_factory=dict)


# --- child side --------------------------------------------------------------


def to_plain(value: Any, where: str) -> tuple[dict[str, Any], bytes]:
    """Turn one observable into (spec, bytes), or raise TypeError naming it."""
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.Tensor):
        tensor = value.detach().cpu()
        if tensor.dtype == torch.bfloat16:
            tensor = tensor.to(torch.float32)
        value = tensor.numpy()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        if array.dtype.name not in DTYPES:
            raise TypeError(f"{where}: arrays of dtype {array.dtype} are not supported")
        data = array.tobytes()
        return {"array": {"dtype": array.dtype.name, "shape": list(array.shape)}}, data
    _check_json(value, where, 0)
    return {"json": value}, b""


def _check_json(value: Any, where: str, depth: int) -> None:
    if depth > MAX_JSON_DEPTH:
        raise TypeError(f"{where}: nested too deeply")
    if value is None or isinstance(value, bool | int | float | str):
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_json(item, where, depth + 1)
        return
    raise TypeError(f"{where}: a {type(value).__name__} is not plain data (use tensors, arrays, "
                    "numbers, strings or lists of them)")


def encode_frame(result: CaseResult) -> bytes:
    """Serialise one case result; values must already be plain (see ``to_plain``)."""
    specs: dict[str, Any] = {}
    chunks: list[bytes] = []
    offset = 0
    for key, value in result.values.items():
        spec, data = to_plain(value, f"observable {key!r}")
        if "array" in spec:
            spec["array"]["offset"] = offset
            offset += len(data)
            chunks.append(data)
        specs[str(key)] = spec
    header = {
        "case": result.case,
        "status": result.status,
        "message": result.message,
        "ms": result.ms,
        "values": specs,
        "payload": offset,
    }
    raw = json.dumps(header, allow_nan=True).encode()
    return struct.pack(">I", len(raw)) + raw + b"".join(chunks)


# --- verifier side -----------------------------------------------------------


def decode_stream(blob: bytes) -> tuple[list[CaseResult], str | None]:
    """Parse every complete frame; return them and why parsing stopped, if it did.

    A truncated or malformed tail is not an exception: the frames before it
    stand, and the reason is reported so the verdict can say what happened.
    """
    if len(blob) > MAX_STREAM:
        return [], f"the submission wrote more than {MAX_STREAM >> 20} MB of results"
    results: list[CaseResult] = []
    pos = 0
    while pos < len(blob):
        if len(results) >= MAX_FRAMES:
            return results, "too many result frames"
        try:
            result, pos = _decode_frame(blob, pos)
        except MalformedStream as exc:
            return results, str(exc)
        results.append(result)
    return results, None


def _decode_frame(blob: bytes, pos: int) -> tuple[CaseResult, int]:
    if pos + 4 > len(blob):
        raise MalformedStream("truncated frame length")
    (hlen,) = struct.unpack(">I", blob[pos : pos + 4])
    if hlen > MAX_HEADER or pos + 4 + hlen > len(blob):
        raise MalformedStream("truncated or oversized frame header")
    try:
        header = json.loads(blob[pos + 4 : pos + 4 + hlen].decode())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedStream(f"frame header is not JSON: {exc}") from None
    start = pos + 4 + hlen
    payload_len = _field(header, "payload", int)
    if payload_len < 0 or start + payload_len > len(blob):
        raise MalformedStream("truncated frame payload")
    payload = blob[start : start + payload_len]
    status = _field(header, "status", str)
    if status not in STATUSES:
        raise MalformedStream(f"unknown case status {status!r}")
    ms = _field(header, "ms", (int, float))
    if isinstance(ms, bool) or not math.isfinite(ms):
        raise MalformedStream("case time is not a finite number")
    result = CaseResult(
        case=_field(header, "case", str),
        status=status,
        message=_field(header, "message", str)[:4000],
        ms=float(ms),
        values={k: _decode_value(k, v, payload) for k, v in _field(header, "values", dict).items()},
    )
    return result, start + payload_len


def _field(header: Any, name: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(header, dict) or not isinstance(header.get(name), kind):
        raise MalformedStream(f"frame header field {name!r} is missing or of the wrong type")
    return header[name]


def _decode_value(key: str, spec: Any, payload: bytes) -> Any:
    if not isinstance(spec, dict) or len(spec) != 1:
        raise MalformedStream(f"observable {key!r} has a malformed spec")
    if "json" in spec:
        return spec["json"]
    meta = spec.get("array")
    if not isinstance(meta, dict):
        raise MalformedStream(f"observable {key!r} has a malformed spec")
    dtype = meta.get("dtype")
    shape = meta.get("shape")
    offset = meta.get("offset")
    if dtype not in DTYPES:
        raise MalformedStream(f"observable {key!r} has unsupported dtype {dtype!r}")
    if (
        not isinstance(shape, list)
        or len(shape) > MAX_DIMS
        or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape)
    ):
        raise MalformedStream(f"observable {key!r} has a malformed shape")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise MalformedStream(f"observable {key!r} has a malformed offset")
    itemsize = np.dtype(dtype).itemsize
    nbytes = math.prod(shape) * itemsize
    if offset + nbytes > len(payload):
        raise MalformedStream(f"observable {key!r} points outside its payload")
    flat = np.frombuffer(payload, dtype=dtype, count=math.prod(shape), offset=offset)
    return flat.reshape(shape).copy()
