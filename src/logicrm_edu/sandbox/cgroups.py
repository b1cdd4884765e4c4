"""One control group per kernel: memory and processes counted for the kernel and all
its children together, where the machine lets the grader create control groups.

Resource limits (:mod:`.limits`) are per process, so a student could spread
memory over many child processes.  A control group closes that gap: the
kernel's group gets ``memory`` (its memory limit plus its disk, which is
memory-backed) and ``pids`` limits; past them the kernel's own processes are
stopped, never the grader's.  Supported: the cgroup v1 memory and pids
hierarchies, writable when grading runs as root.  Elsewhere (cgroup v2 only,
or an ordinary user) :func:`find` returns None and the per-process limits are
what holds; the README says what that leaves open.
"""
from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from .limits import MB, Limits

V1_ROOT = Path("/sys/fs/cgroup")
GROUP = "logicrm-grading"
HEADROOM_MB = 256  # the kernel's own libraries are charged too
STALE_SECONDS = 3600  # no kernel is graded for longer


class KernelGroup:
    """The control group(s) of one kernel."""

    def __init__(self, folders: list[Path]):
        self.folders = folders

    def close(self, patience: float = 5.0) -> None:
        """Kill what is left in the group and remove it (once its processes are reaped)."""
        deadline = time.monotonic() + patience
        for folder in self.folders:
            while True:
                try:
                    for pid in (folder / "cgroup.procs").read_text().split():
                        try:
                            os.kill(int(pid), 9)
                        except (ProcessLookupError, PermissionError):
                            pass
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:  # still busy: dead processes not yet reaped
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.02)


class Cgroups:
    """Where kernel groups can be made: the v1 memory and pids parents."""

    def __init__(self, parents: list[Path]):
        self.parents = parents

    def confine(self, pid: int, limits: Limits) -> KernelGroup:
        """Move process ``pid`` (with the threads and children it starts later) into a
        new group with ``limits``; OSError if that fails (the kernel must not run
        unconfined where confinement was possible)."""
        name = uuid.uuid4().hex[:12]
        memory = (limits.memory_mb + limits.disk_mb + HEADROOM_MB) * MB
        folders = []
        try:
            for parent in self.parents:
                folder = parent / name
                folder.mkdir()
                folders.append(folder)
                for file, value in self._settings(parent, memory, limits.processes):
                    (folder / file).write_text(str(value))
                (folder / "cgroup.procs").write_text(str(pid))
        except OSError:
            KernelGroup(folders).close()
            raise
        return KernelGroup(folders)

    @staticmethod
    def _settings(parent: Path, memory: int, processes: int):
        if parent.parent.name == "memory":
            return [("memory.limit_in_bytes", memory)]
        return [("pids.max", processes)]


def find() -> Cgroups | None:
    """The control groups this process may create for kernels, or None."""
    parents = [V1_ROOT / controller / GROUP for controller in ("memory", "pids")]
    if not all(_usable(parent) for parent in parents):
        return None
    for parent in parents:  # groups a killed grader left behind (not another's new one)
        for stale in parent.iterdir():
            try:
                if stale.is_dir() and time.time() - stale.stat().st_mtime > STALE_SECONDS:
                    stale.rmdir()
            except OSError:  # still in use
                pass
    return Cgroups(parents)


def _usable(parent: Path) -> bool:
    if not (parent.parent / "cgroup.procs").exists():
        return False
    try:
        parent.mkdir(exist_ok=True)
        return os.access(parent, os.W_OK)
    except OSError:
        return False
