"""Linux isolation for one judged run: namespaces, a minimal read-only root, seccomp.

The process tree for one run, as forked from the warm worker (the zygote)::

    zygote ── A  unshares namespaces, reports B's pid, relays B's exit status
              └── B  PID 1 of the new PID namespace: builds the root, reaps (tiny init)
                   └── C  drops privileges, limits itself, loads seccomp, runs the cases

Killing B (which the zygote does the moment results end, or at the deadline)
makes the kernel kill every process left in the namespace, however it forked.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import signal
import socket
import sys
from collections.abc import Iterable
from pathlib import Path

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
CLONE_THREAD = 0x00010000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2

PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

NOBODY = 65534
SCRATCH_MB = 64
PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def prctl(option: int, value: int) -> None:
    _check(_libc.prctl(option, ctypes.c_ulong(value), 0, 0, 0), "prctl")


def die_with_parent() -> None:
    """SIGKILL this process when its parent dies (and it already has, exit now)."""
    parent = os.getppid()
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(137)


def unshare(flags: int) -> None:
    _check(_libc.unshare(ctypes.c_int(flags)), "unshare")


def mount(source: str | None, target: str, fstype: str | None, flags: int,
          data: str | None = None) -> None:
    enc = [s.encode() if s is not None else None for s in (source, target, fstype, data)]
    _check(_libc.mount(enc[0], enc[1], enc[2], ctypes.c_ulong(flags), enc[3]),
           f"mount {target}")


def pivot_into(new_root: str) -> None:
    """Make new_root the root and detach the old one (the pivot_root(".", ".") idiom)."""
    number = PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise OSError(errno.ENOSYS, f"pivot_root number unknown on {platform.machine()}")
    os.chdir(new_root)
    _check(_libc.syscall(number, b".", b"."), "pivot_root")
    _check(_libc.umount2(b".", MNT_DETACH), "umount old root")
    os.chdir("/")


OTHER_NAMESPACES = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS


def fork_into_new_pid_namespace() -> int:
    """As root: fork a child that is PID 1 of a fresh PID namespace; we stay where we are.

    unshare(CLONE_NEWPID) only changes where our *next* child goes, so after the
    fork we point that back at our own namespace, ready for the next run.
    """
    own = os.open("/proc/self/ns/pid", os.O_RDONLY)
    try:
        unshare(CLONE_NEWPID)
        pid = os.fork()
        if pid:
            _check(_libc.setns(own, CLONE_NEWPID), "setns back to our PID namespace")
        return pid
    finally:
        os.close(own)


def enter_namespaces(as_root: bool) -> None:
    """New mount, network, IPC and UTS namespaces; without root also user and PID ones."""
    if as_root:
        unshare(OTHER_NAMESPACES)
        return
    uid, gid = os.getuid(), os.getgid()
    unshare(OTHER_NAMESPACES | CLONE_NEWPID | CLONE_NEWUSER)
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"0 {uid} 1")
    Path("/proc/self/gid_map").write_text(f"0 {gid} 1")


def visible_dirs() -> list[str]:
    """What the sandbox may read: system libraries and this interpreter's install."""
    dirs = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin"]
    for prefix in {sys.base_prefix, sys.prefix, sys.exec_prefix}:
        dirs.append(os.path.realpath(prefix))
    return dirs


def build_root(new_root: str, secret: Iterable[str]) -> None:
    """Called in B: a tmpfs root holding read-only binds of ``visible_dirs`` and a scratch /tmp."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("tmpfs", new_root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
    bound: list[str] = []
    for src in visible_dirs():
        if not os.path.lexists(src):
            continue
        dst = new_root + src
        if os.path.islink(src):  # merged-/usr systems: /bin -> usr/bin
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if not os.path.lexists(dst):
                os.symlink(os.readlink(src), dst)
            continue
        if any(src == b or src.startswith(b + "/") for b in bound):
            continue
        os.makedirs(dst, exist_ok=True)
        _bind_readonly(src, dst)
        bound.append(src)
    for path in secret:
        real = os.path.realpath(path)
        if any(real == b or real.startswith(b + "/") for b in bound) and os.path.isdir(real):
            # Hide it: an empty read-only tmpfs over the packs, caches or database.
            mount("tmpfs", new_root + real, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV,
                  "size=4k,mode=755")
    os.makedirs(new_root + "/dev", exist_ok=True)
    for dev in ("null", "zero", "urandom", "random"):
        target = f"{new_root}/dev/{dev}"
        open(target, "w").close()  # noqa: SIM115
        mount(f"/dev/{dev}", target, None, MS_BIND)
    os.makedirs(new_root + "/proc", exist_ok=True)
    mount("proc", new_root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.makedirs(new_root + "/tmp", exist_ok=True)
    mount("tmpfs", new_root + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV,
          f"size={SCRATCH_MB}m,mode=1777")
    os.makedirs(new_root + "/sandbox", exist_ok=True)
    pivot_into(new_root)
    mount(None, "/", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
    socket.sethostname("sandbox")


def _bind_readonly(src: str, dst: str) -> None:
    mount(src, dst, None, MS_BIND | MS_REC)
    mount(None, dst, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


def drop_privileges(as_root: bool) -> None:
    """Called in C. As root: become nobody. In a user namespace we own only one uid."""
    if as_root:
        os.setgroups([])
        os.setresgid(NOBODY, NOBODY, NOBODY)
        os.setresuid(NOBODY, NOBODY, NOBODY)
    prctl(PR_SET_NO_NEW_PRIVS, 1)


# Everything a CPython + NumPy + PyTorch (CPU, one thread) computation needs.
# Anything else fails with EPERM: sockets, exec, fork (clone without CLONE_THREAD),
# ptrace, mounts, namespaces, bpf, keyrings, io_uring.
ALLOWED_SYSCALLS = (
    "read", "write", "readv", "writev", "pread64", "pwrite64", "lseek", "close",
    "openat", "open", "fstat", "stat", "lstat", "newfstatat", "statx", "statfs", "fstatfs",
    "access", "faccessat", "faccessat2", "readlink", "readlinkat", "getdents64", "getcwd",
    "chdir", "fchdir", "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename",
    "renameat", "renameat2", "ftruncate", "fsync", "fdatasync", "fcntl", "flock", "dup",
    "dup2", "dup3", "pipe", "pipe2", "ioctl", "umask", "fchmod", "chmod", "utimensat",
    "mmap", "munmap", "mprotect", "mremap", "brk", "madvise", "mincore", "msync",
    "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigsuspend", "sigaltstack",
    "getpid", "getppid", "gettid", "getuid", "geteuid", "getgid", "getegid", "getresuid",
    "getresgid", "getgroups", "getpgrp", "getpgid", "getsid", "uname", "sysinfo",
    "getrlimit", "prlimit64", "getrusage", "times", "getpriority", "sched_getaffinity",
    "sched_yield", "sched_getparam", "sched_getscheduler", "clock_gettime", "clock_getres",
    "clock_nanosleep", "nanosleep", "gettimeofday", "time", "getrandom", "futex",
    "set_robust_list", "get_robust_list", "rseq", "set_tid_address", "arch_prctl", "prctl",
    "membarrier", "exit", "exit_group", "wait4", "waitid", "kill", "tgkill", "tkill",
    "select", "pselect6", "poll", "ppoll", "epoll_create1", "epoll_ctl", "epoll_wait",
    "epoll_pwait", "eventfd2", "alarm", "setitimer", "getitimer", "timer_create",
    "timer_settime", "timer_delete", "timer_gettime", "capget",
)


def compile_seccomp() -> bytes:
    """The allowlist as a BPF program, built once in the zygote (libseccomp is slow)."""
    import tempfile

    import pyseccomp as seccomp

    filt = seccomp.SyscallFilter(seccomp.ERRNO(errno.EPERM))
    for name in ALLOWED_SYSCALLS:
        try:
            filt.add_rule(seccomp.ALLOW, name)
        except (RuntimeError, ValueError, OSError):
            continue  # not a syscall on this architecture
    # Threads yes, processes no: clone is allowed only with CLONE_THREAD set.
    filt.add_rule(seccomp.ALLOW, "clone",
                  seccomp.Arg(0, seccomp.MASKED_EQ, CLONE_THREAD, CLONE_THREAD))
    # clone3 passes its flags in memory seccomp cannot read; ENOSYS makes glibc use clone.
    try:
        filt.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    except (RuntimeError, ValueError, OSError):
        pass
    with tempfile.TemporaryFile() as out:
        filt.export_bpf(out)
        out.seek(0)
        return out.read()


def load_seccomp(program: bytes) -> None:
    """The last step before user code: everything off the allowlist returns EPERM."""

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

    prog = SockFprog(len(program) // 8, program)
    _check(_libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0),
           "load seccomp filter")
