"""The unisolated runner: fork, resource limits, nothing else.

Used where no namespaces are available (macOS, locked-down kernels), and as
the benchmark's floor. It says so: a verdict from it carries "rlimits-only".
"""

from __future__ import annotations

import os
import signal
import time

from onsite.judge import child, limits, supervise
from onsite.judge.protocol import RunRequest, RunResult


class LocalRunner:
    """Runs each request in a forked child of this process, with rlimits only."""

    isolation = "rlimits-only"

    def run(self, request: RunRequest) -> RunResult:
        start = time.monotonic()
        res_r, res_w = os.pipe()
        out_r, out_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.setsid()
            os.close(res_r)
            os.close(out_r)
            limits.apply_rlimits(request, isolated=False)
            child.serve(request.to_dict(), res_w, out_w)
        os.close(res_w)
        os.close(out_w)
        try:
            got = supervise.collect(res_r, out_r, start + request.wall_s)
        finally:
            os.close(res_r)
            os.close(out_r)
            _kill_group(pid)
        _, status = os.waitpid(pid, 0)
        return RunResult(got.results, got.output, os.waitstatus_to_exitcode(status),
                         got.timed_out, (time.monotonic() - start) * 1000, self.isolation)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
