"""Length-prefixed frames between the verifier and the zygote (trusted on both ends)."""

from __future__ import annotations

import json
import struct
from typing import BinaryIO


def send(stream: BinaryIO, header: dict, *blobs: bytes) -> None:
    raw = json.dumps(header).encode()
    stream.write(struct.pack(">I", len(raw)) + raw)
    for blob in blobs:
        stream.write(blob)
    stream.flush()


def receive(stream: BinaryIO) -> dict:
    head = _exactly(stream, 4)
    (length,) = struct.unpack(">I", head)
    return json.loads(_exactly(stream, length))


def read_blob(stream: BinaryIO, length: int) -> bytes:
    return _exactly(stream, length)


def _exactly(stream: BinaryIO, n: int) -> bytes:
    data = stream.read(n)
    if data is None or len(data) != n:
        raise EOFError("the other side closed the channel")
    return data
