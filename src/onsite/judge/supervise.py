"""Reading a child's two pipes against a wall-clock deadline (trusted side)."""

from __future__ import annotations

import os
import select
import time
from dataclasses import dataclass

from onsite.judge.observables import MAX_STREAM
from onsite.judge.protocol import OUTPUT_CAP


@dataclass
class Collected:
    results: bytes
    output: bytes
    timed_out: bool
    overflow: bool


def collect(results_fd: int, output_fd: int, deadline: float) -> Collected:
    """Drain both pipes until the results pipe closes or the deadline passes.

    Output past OUTPUT_CAP is read and dropped so a flood cannot block the
    child into a fake timeout; results past MAX_STREAM end the run at once.
    """
    results = bytearray()
    output = bytearray()
    open_fds = {results_fd, output_fd}
    timed_out = overflow = False
    while results_fd in open_fds:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select(list(open_fds), [], [], min(remaining, 0.5))
        for fd in ready:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                open_fds.discard(fd)
            elif fd == results_fd:
                results += chunk
                if len(results) > MAX_STREAM:
                    overflow = True
                    open_fds.clear()
            elif len(output) < OUTPUT_CAP:
                output += chunk[: OUTPUT_CAP - len(output)]
    # Whatever is already buffered in the output pipe is still worth showing.
    if output_fd in open_fds and len(output) < OUTPUT_CAP:
        ready, _, _ = select.select([output_fd], [], [], 0)
        if ready:
            output += os.read(output_fd, OUTPUT_CAP - len(output))
    return Collected(bytes(results), bytes(output), timed_out, overflow)
