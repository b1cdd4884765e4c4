"""Can this machine sandbox students' code?  Asked once per process.

The sandbox needs Linux, bubblewrap (``bwrap``, installed by ``make setup``
on Debian/Ubuntu) and unprivileged user namespaces.  Where any is missing,
grading refuses to start (:class:`SandboxUnavailable`, with the reason) unless
the teacher explicitly asks for unsandboxed grading.
"""
from __future__ import annotations

import functools
import os
import subprocess
import sys

from .bwrap import bwrap_executable


class SandboxUnavailable(RuntimeError):
    """No sandbox on this machine; ``reason`` says why (for the teacher's message)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@functools.lru_cache(maxsize=1)
def sandbox_problem() -> str | None:
    """Why students' code cannot be sandboxed here, or None when it can."""
    if not sys.platform.startswith("linux") or not hasattr(os, "pidfd_open"):
        return f"not Linux ({sys.platform})"
    bwrap = bwrap_executable()
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed"
    command = [bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
               "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL", "--cap-add", "CAP_SYS_ADMIN",
               "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for path in ("/bin", "/lib", "/lib64"):
        if os.path.islink(path):
            command += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            command += ["--ro-bind", path, path]
    try:
        done = subprocess.run(command + ["true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bwrap does not run: {error}"
    if done.returncode != 0:
        return f"bwrap cannot create a sandbox: {done.stderr.strip()[:300]}"
    return None


def require_sandbox() -> None:
    """Raise :class:`SandboxUnavailable` unless students' code can be sandboxed here."""
    problem = sandbox_problem()
    if problem is not None:
        raise SandboxUnavailable(problem)


def main() -> int:
    """``python -m logicrm_edu.sandbox.probe``: say whether grading can be sandboxed here."""
    from ..i18n import t

    problem = sandbox_problem()
    print(t("grading.sandbox.ready") if problem is None else t("grading.sandbox.missing",
                                                                 reason=problem))
    return 0 if problem is None else 1


if __name__ == "__main__":
    sys.exit(main())
