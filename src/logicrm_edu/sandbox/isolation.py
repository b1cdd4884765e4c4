"""Giving one kernel a sandbox of its own inside the zygote's sandbox.

The zygote's sandbox (:mod:`.bwrap`) separates students' code from the
machine; these steps separate one student's kernel from the zygote and from
the kernels before and after it:

- :func:`enter_namespaces`: new mount, PID and IPC namespaces, so the kernel
  sees no other process (not the zygote), and every process it starts dies
  with it: the first process of a PID namespace is its init, and when it
  exits the kernel kills the rest;
- :func:`make_workspace`: a fresh memory-backed home (its size is the disk
  limit) holding the working copy and the kernel's temporary folder;
- :func:`seal`: once the kernel has bound its sockets, the run folder shared
  with the grader is covered, every capability is dropped for good, and the
  kernel becomes the first candidate of the out-of-memory killer.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from . import linux

MAX_FILES = 200  # files of a working copy (the grader checks the sizes)


def enter_namespaces() -> None:
    """New mount, PID and IPC namespaces for the caller's next child (mounts now)."""
    linux.unshare(linux.CLONE_NEWNS | linux.CLONE_NEWPID | linux.CLONE_NEWIPC)
    linux.mount(None, "/", None, linux.MS_REC | linux.MS_PRIVATE)


def make_workspace(home: str, disk_mb: int) -> None:
    """Mount an empty ``home`` of ``disk_mb`` (files and inodes counted) with its
    temporary folder ``.tmp`` (``TMPDIR``)."""
    linux.mount("tmpfs", home, "tmpfs", linux.MS_NOSUID | linux.MS_NODEV,
                f"size={int(disk_mb)}m,nr_inodes=20000,mode=0755")
    os.makedirs(os.path.join(home, ".tmp"), mode=0o700)


def copy_in(source: str, dest: str) -> None:
    """Copy the regular files under ``source`` (written by the grader) to ``dest``."""
    count = 0
    for folder, dirs, files in os.walk(source):
        relative = os.path.relpath(folder, source)
        os.makedirs(os.path.normpath(os.path.join(dest, relative)), exist_ok=True)
        for name in files:
            count += 1
            if count > MAX_FILES:
                return
            path = os.path.join(folder, name)
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    continue
                with os.fdopen(os.dup(fd), "rb") as fh:
                    Path(dest, relative, name).write_bytes(fh.read())
            finally:
                os.close(fd)


def seal(run_dir: str) -> None:
    """Cover ``run_dir``, prefer this process for the OOM killer, drop all capabilities."""
    linux.mount("tmpfs", run_dir, "tmpfs", linux.MS_RDONLY | linux.MS_NOSUID | linux.MS_NODEV,
                "size=4k,mode=0")
    with open("/proc/self/oom_score_adj", "w") as fh:
        fh.write("1000")
    linux.drop_all_capabilities()
