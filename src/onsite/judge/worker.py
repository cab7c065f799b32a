"""The verifier's handle on a warm zygote: start it once, send runs, restart if it dies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from onsite import config
from onsite.judge import wire
from onsite.judge.protocol import RunRequest, RunResult

# What the zygote inherits: enough to run Python, nothing that points at secrets.
SAFE_ENV = ("PATH", "LANG", "LC_ALL", "TZ", "SYSTEMROOT")


class SandboxRunner:
    """Runs requests in fresh sandboxes forked from one warm, secret-free worker."""

    def __init__(self, mode: str | None = None):
        self._mode = mode
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._root_dir: str | None = None
        self.isolation = ""

    def start(self) -> None:
        """Start the worker and wait until it is warm."""
        self.spawn()
        if not self.isolation:
            ready = wire.receive(self._proc.stdout)
            self.isolation = ready["isolation"]

    def spawn(self) -> None:
        """Start the worker without waiting: it warms up while the verifier prepares."""
        if self._proc is not None and self._proc.poll() is None:
            return
        self.isolation = ""
        package_root = str(Path(__file__).resolve().parents[2])
        env = {k: os.environ[k] for k in SAFE_ENV if k in os.environ}
        env.update({
            "PYTHONPATH": package_root,
            "PYTHONDONTWRITEBYTECODE": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "HOME": "/nonexistent",
        })
        self._root_dir = tempfile.mkdtemp(prefix="onsite-root-")
        settings = {"secret": [str(p) for p in config.secret_paths()], "mode": self._mode,
                    "new_root": self._root_dir}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "onsite.judge.zygote", json.dumps(settings)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd="/",
        )

    def run(self, request: RunRequest) -> RunResult:
        with self._lock:
            self.start()
            proc = self._proc
            timer = threading.Timer(request.wall_s + 30, proc.kill)  # backstop only
            timer.start()
            try:
                wire.send(proc.stdin, request.to_dict())
                header = wire.receive(proc.stdout)
                results = wire.read_blob(proc.stdout, header["results_len"])
                output = wire.read_blob(proc.stdout, header["output_len"])
            except (EOFError, BrokenPipeError, OSError):
                self.close()
                return RunResult(b"", b"the judge's worker stopped unexpectedly", None,
                                 False, 0.0, self.isolation)
            finally:
                timer.cancel()
        return RunResult(results, output, header["exit_code"], header["timed_out"],
                         header["wall_ms"], header["isolation"])

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if self._root_dir:
            shutil.rmtree(self._root_dir, ignore_errors=True)
            self._root_dir = None
        if proc is None:
            return
        # The worker keeps nothing worth a graceful exit, and tearing down torch is slow.
        proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def __enter__(self) -> SandboxRunner:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
