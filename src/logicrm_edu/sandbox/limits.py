"""What one student's code may use while it is graded, and how the limits are applied.

The limits are set as hard resource limits in the kernel process before any
student code runs, so neither the kernel nor anything it starts can raise
them again.  Memory is counted per process (``RLIMIT_AS`` above the kernel's
own start-up footprint) and, where the machine lets us create control groups,
for the kernel and all its children together (:mod:`.cgroups`).
"""
from __future__ import annotations

import os
import resource
import signal
from dataclasses import asdict, dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resources of one student's kernel and everything it starts."""

    memory_mb: int = 1024
    """address space each process may add to the kernel's own (and, with control
    groups, the memory of the kernel and its children together)"""
    processes: int = 64
    """processes and threads the sandbox's user may run at once (the kernel has ~10)"""
    cpu_seconds: int = 300
    """CPU time of each process; the per-cell and per-submission time limits come first"""
    file_mb: int = 64
    """largest file a process may write"""
    disk_mb: int = 256
    """room in the student's working folder, home and /tmp together (memory-backed)"""
    open_files: int = 256
    """file descriptors per process"""

    def as_dict(self) -> dict:
        return asdict(self)


def apply_limits(limits: Limits) -> None:
    """Set ``limits`` as hard limits of this process (inherited by its children)."""
    with open("/proc/self/statm") as fh:
        footprint = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _hard(resource.RLIMIT_AS, footprint + limits.memory_mb * MB)
    _hard(resource.RLIMIT_NPROC, limits.processes)
    _hard(resource.RLIMIT_CPU, limits.cpu_seconds)
    _hard(resource.RLIMIT_FSIZE, limits.file_mb * MB)
    _hard(resource.RLIMIT_NOFILE, limits.open_files)
    _hard(resource.RLIMIT_CORE, 0)
    # Writing past RLIMIT_FSIZE then fails with EFBIG instead of killing the kernel.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _hard(which: int, value: int) -> None:
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, value))
