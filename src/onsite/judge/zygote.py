"""The warm worker: imports torch once, holds nothing secret, forks one sandbox per run.

Started by the verifier with a clean environment; speaks wire frames on its
stdin/stdout. Each request is executed in a fresh sandbox (see ``sandbox``):

    zygote ── B  PID 1 of a new PID namespace: builds the root, reaps (a tiny init)
              └── C  drops privileges, limits itself, loads seccomp, runs the cases

Without root, an extra process A sits between the zygote and B to create the
user and PID namespaces. The zygote enforces the wall-clock deadline and kills
B the moment results end or time runs out; the kernel then kills everything
left in the namespace, however it forked. Processes are reaped after the reply
is sent: tearing down a torch-sized address space takes milliseconds.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time

PREIMPORT = (
    "abc", "bisect", "collections", "copy", "dataclasses", "decimal", "enum", "fractions",
    "functools", "heapq", "itertools", "json", "math", "operator", "random", "re",
    "statistics", "string", "typing", "unicodedata",
    "numpy", "numpy.linalg", "numpy.random",
    "torch", "torch.nn", "torch.nn.functional", "torch.autograd", "torch.linalg",
    "torch.optim", "torch.optim.lr_scheduler", "torch.utils.data", "torch.distributions",
    "onsite.judge.cases", "onsite.judge.child", "onsite.judge.limits",
    "onsite.judge.observables", "onsite.judge.protocol", "onsite.judge.sandbox",
    "onsite.judge.supervise",
)


def warm_up() -> None:
    import importlib

    import torch

    # Before any op: a forked child of a multi-threaded torch can hang in its first op.
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    for name in PREIMPORT:
        importlib.import_module(name)
    a = torch.randn(8, 8, requires_grad=True)
    (a @ a).softmax(-1).sum().backward()
    # An optimizer's first step imports more of torch lazily (torch._dynamo among it); the
    # sandbox may not see site-packages any more, so those imports happen here, once.
    for make in (torch.optim.SGD, torch.optim.Adam, torch.optim.AdamW):
        make([a], lr=0.1).step()
    try:
        # It finds libseccomp by running ldconfig: impossible once namespaces exist.
        import pyseccomp  # noqa: F401
    except (ImportError, OSError, RuntimeError):
        pass


class Zygote:
    def __init__(self, secret: list[str], mode: str, new_root: str):
        from onsite.judge import sandbox

        self.secret = secret
        self.mode = mode  # "namespaces", "user-namespaces" or "rlimits-only"
        self.as_root = mode == "namespaces"
        # An empty folder owned by the verifier; each sandbox mounts its root over it
        # inside its own mount namespace, so nothing ever appears there outside.
        self.new_root = new_root
        self.seccomp = sandbox.compile_seccomp() if mode != "rlimits-only" else b""
        self._unreaped: list[int] = []

    @property
    def isolation(self) -> str:
        return self.mode if self.mode == "rlimits-only" else self.mode + "+seccomp"

    def run(self, request: dict) -> tuple[dict, bytes, bytes]:
        from onsite.judge import child, sandbox, supervise
        from onsite.judge.protocol import RunRequest

        req = RunRequest.from_dict(request)
        start = time.monotonic()
        for name in req.forbidden:
            child.alias_sites(name)  # memoised here, inherited by every sandbox
        res_r, res_w = os.pipe()
        out_r, out_w = os.pipe()
        if self.as_root:
            pid = sandbox.fork_into_new_pid_namespace()
            if pid == 0:
                os.close(res_r)
                os.close(out_r)
                self._init(req, request, res_w, out_w)
            sandbox_root = pid
        else:
            ctl_r, ctl_w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(res_r)
                os.close(out_r)
                os.close(ctl_r)
                self._intermediate(req, request, res_w, out_w, ctl_w)
            os.close(ctl_w)
            sandbox_root = _read_pid(ctl_r, start + 5.0)
            os.close(ctl_r)
        os.close(res_w)
        os.close(out_w)
        try:
            got = supervise.collect(res_r, out_r, start + req.wall_s)
        finally:
            os.close(res_r)
            os.close(out_r)
            self._kill(pid, sandbox_root)
        exit_code = self._exit_code(pid)
        header = {
            "exit_code": exit_code,
            "timed_out": got.timed_out,
            "wall_ms": (time.monotonic() - start) * 1000,
            "isolation": self.isolation,
            "results_len": len(got.results),
            "output_len": len(got.output),
        }
        return header, got.results, got.output

    def reap(self) -> None:
        """Wait for the processes of finished runs (called after each reply)."""
        while self._unreaped:
            os.waitpid(self._unreaped.pop(), 0)

    def _exit_code(self, pid: int) -> int | None:
        waited, status = os.waitpid(pid, os.WNOHANG)
        if waited == 0:
            self._unreaped.append(pid)
            return None
        return os.waitstatus_to_exitcode(status)

    def _kill(self, pid: int, sandbox_root: int | None) -> None:
        if self.mode == "rlimits-only":
            targets = [(pid, True)]  # the child leads its own session: kill the group
        else:
            targets = [(sandbox_root, False), (pid, False)]
        for target, group in targets:
            if target is None:
                continue
            try:
                (os.killpg if group else os.kill)(target, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def _intermediate(self, req, request: dict, res_w: int, out_w: int, ctl_w: int) -> None:
        """A (no root): creates user+PID namespaces, forks B, reports B's pid, waits."""
        from onsite.judge import child, limits, sandbox

        code = 71
        try:
            sandbox.die_with_parent()
            os.setsid()
            if self.mode == "rlimits-only":
                os.write(ctl_w, b"-\n")
                os.close(ctl_w)
                limits.apply_rlimits(req, isolated=False)
                _close_fds_except(res_w, out_w)
                child.serve(request, res_w, out_w)
            sandbox.enter_namespaces(as_root=False)
            inner = os.fork()
            if inner == 0:
                self._init(req, request, res_w, out_w)
            os.write(ctl_w, f"{inner}\n".encode())
            for fd in (ctl_w, res_w, out_w):
                os.close(fd)
            _, status = os.waitpid(inner, 0)
            code = _relay(status)
        except BaseException as exc:  # noqa: BLE001 - report through the output pipe
            _report(out_w, exc)
        os._exit(code)

    def _init(self, req, request: dict, res_w: int, out_w: int) -> None:
        """B, PID 1 of the sandbox: builds the root, forks the runner C, reaps."""
        from onsite.judge import child, limits, sandbox

        code = 72
        try:
            sandbox.die_with_parent()
            if self.as_root:
                sandbox.enter_namespaces(as_root=True)
            sandbox.build_root(self.new_root, self.secret)
            runner = os.fork()
            if runner == 0:
                sandbox.die_with_parent()
                _close_fds_except(res_w, out_w)
                os.chdir("/tmp")
                sandbox.drop_privileges(self.as_root)
                limits.apply_rlimits(req, isolated=self.as_root)
                sandbox.load_seccomp(self.seccomp)
                child.serve(request, res_w, out_w)
            os.close(res_w)
            os.close(out_w)
            code = _init_loop(runner)
        except BaseException as exc:  # noqa: BLE001
            _report(out_w, exc)
        os._exit(code)


def _report(fd: int, exc: BaseException) -> None:
    try:
        os.write(fd, f"sandbox setup failed: {exc}\n".encode())
    except OSError:
        pass


def _init_loop(runner: int) -> int:
    """PID 1's job: reap every orphan until the runner itself exits."""
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            return 0
        if pid == runner:
            return _relay(status)


def _relay(status: int) -> int:
    code = os.waitstatus_to_exitcode(status)
    return code if code >= 0 else 128 - code


def _close_fds_except(*keep: int) -> None:
    lowest = 3
    for fd in sorted(k for k in keep if k >= 3):
        os.closerange(lowest, fd)
        lowest = fd + 1
    os.closerange(lowest, 1 << 16)


def _read_pid(fd: int, deadline: float) -> int | None:
    import select

    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return None
        chunk = os.read(fd, 64)
        if not chunk:
            return None
        data += chunk
    text = data.strip()
    return int(text) if text.isdigit() else None


def detect_mode() -> str:
    """The strongest isolation this kernel gives us, tried for real in a throwaway child."""
    from onsite.judge import sandbox

    as_root = os.geteuid() == 0
    pid = os.fork()
    if pid == 0:
        try:
            if as_root:
                sandbox.unshare(sandbox.CLONE_NEWPID | sandbox.OTHER_NAMESPACES)
            else:
                sandbox.enter_namespaces(as_root=False)
            os._exit(0)
        except BaseException:  # noqa: BLE001
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return "rlimits-only"
    try:
        sandbox.compile_seccomp()
    except (ImportError, OSError, RuntimeError):
        return "rlimits-only"
    return "namespaces" if as_root else "user-namespaces"


def main() -> None:
    from onsite.judge import sandbox, wire

    config = json.loads(sys.argv[1])
    sandbox.die_with_parent()
    warm_up()
    mode = config.get("mode") or detect_mode()
    zygote = Zygote(config["secret"], mode, config["new_root"])
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Nothing may write to the protocol stream by accident.
    sys.stdout = sys.stderr
    wire.send(stdout, {"ready": True, "isolation": zygote.isolation, "pid": os.getpid()})
    while True:
        try:
            request = wire.receive(stdin)
        except EOFError:
            break
        header, results, output = zygote.run(request)
        wire.send(stdout, header, results, output)
        zygote.reap()


if __name__ == "__main__":
    main()
