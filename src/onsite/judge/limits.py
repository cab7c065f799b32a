"""Resource limits applied inside the child before user code runs."""

from __future__ import annotations

import resource

from onsite.judge.protocol import RunRequest

FILE_LIMIT = 16 << 20
OPEN_FILES = 64
SANDBOX_PROCESSES = 8


def current_address_space() -> int:
    """Bytes of virtual memory this process maps now (torch alone maps a lot)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[0])
    return pages * resource.getpagesize()


def apply_rlimits(request: RunRequest, *, isolated: bool) -> None:
    """CPU, address space, file size, open files, core dumps; processes when isolated.

    The address-space limit is relative to what the warm worker already maps,
    so ``memory_mb`` is what the submission itself may add.
    """
    cpu = int(request.cpu_s)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        budget = current_address_space() + (request.memory_mb << 20)
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    except OSError:  # no /proc (macOS): keep the other limits
        pass
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))
    resource.setrlimit(resource.RLIMIT_NOFILE, (OPEN_FILES, OPEN_FILES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if isolated:
        # Counted per real uid: only meaningful once we run as an unprivileged one.
        resource.setrlimit(resource.RLIMIT_NPROC, (SANDBOX_PROCESSES, SANDBOX_PROCESSES))
