"""The grader's side of a sandbox: start it, ask it for kernels, stop it.

A :class:`SandboxHost` is one bubblewrap sandbox (:mod:`.bwrap`) with a warm
zygote inside (:mod:`.zygote`), used by one grading process for one kernel at
a time.  For each submission the host writes the working copy (the files the
student was handed, and the student's own extra files) into a fresh folder of
its run folder, asks the zygote for a kernel, and gets back a pidfd of the
kernel (:class:`KernelProcess`).  When the kernel has finished, the host removes
that folder; the kernel and everything it started are gone by then.

``sandboxed=False`` runs the same zygote without bubblewrap and without the
per-kernel namespaces: only when the teacher asked for unsandboxed grading
(limits still apply, but student code can read and write what the teacher can).
"""
from __future__ import annotations

import asyncio
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

from . import cgroups
from .bwrap import HOME, RUN_DIR, bwrap_executable, sandbox_command, zygote_environment
from .launch import python_command
from .limits import Limits
from .zygote import INLINE_BACKEND, MAX_MESSAGE


RUN_PREFIX = "logicrm-sandbox-"  # + the grading process's pid + "-": see sweep_run_dirs


def sweep_run_dirs(folder: str | None = None) -> list[Path]:
    """Remove the run folders of sandboxes whose grading process is gone (a worker killed
    at its deadline or with its batch cannot remove its own); returns them.  A folder
    whose process still runs, or whose name says no process, is left alone."""
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(f"{RUN_PREFIX}*-*"):
        pid = path.name[len(RUN_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class SandboxError(RuntimeError):
    """The sandbox could not be started or stopped answering."""


class KernelStartError(RuntimeError):
    """A kernel could not start inside the sandbox (the message says why)."""


class KernelProcess:
    """A kernel forked by the zygote, with the parts of ``subprocess.Popen`` that
    jupyter_client uses.  It is not our child, so it is watched through a pidfd
    (no pid-reuse races) and its exit code is not known (``-1``)."""

    stdin = stdout = stderr = None

    def __init__(self, pidfd: int, ready_fd: int | None = None):
        self._pidfd = pidfd
        self._ready_fd = ready_fd
        self.pid = _pid_of(pidfd)
        self.returncode: int | None = None

    async def bound(self, timeout: float) -> None:
        """Wait until the kernel has bound its sockets and sealed itself; raise
        :class:`KernelStartError` if it reports a failure or exits first."""
        if self._ready_fd is None:
            return
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        loop.add_reader(self._ready_fd, lambda: done.done() or done.set_result(None))
        try:
            await asyncio.wait_for(done, timeout)
            message = os.read(self._ready_fd, 4096)
        except asyncio.TimeoutError:
            message = b"Etimed out"
        finally:
            loop.remove_reader(self._ready_fd)
            os.close(self._ready_fd)
            self._ready_fd = None
        if message != b"1":
            raise KernelStartError(message[1:].decode("utf-8", "replace") or "the kernel exited")

    def poll(self) -> int | None:
        if self.returncode is None:
            readable, _, _ = select.select([self._pidfd], [], [], 0)
            if readable:
                self._finish()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            readable, _, _ = select.select([self._pidfd], [], [], timeout)
            if not readable:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            self._finish()
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            try:
                signal.pidfd_send_signal(self._pidfd, signum)
            except ProcessLookupError:
                pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def _finish(self) -> None:
        self.returncode = -1
        os.close(self._pidfd)


def _pid_of(pidfd: int) -> int:
    """The process id a pidfd refers to, as this process's namespace numbers it."""
    with open(f"/proc/self/fdinfo/{pidfd}") as fh:
        for line in fh:
            if line.startswith("Pid:"):
                return int(line.split()[1])
    return -1


class SandboxHost:
    """One sandbox with a warm zygote; forks one kernel at a time.

    ``log``: a file for the zygote's own errors (default: discarded).
    ``course_root``: refuse to start if this folder would be visible inside.
    """

    def __init__(self, *, limits: Limits | None = None, sandboxed: bool = True, log=None,
                 course_root=None, lang: str | None = None, startup_timeout: float = 120):
        self.limits = limits or Limits()
        self.sandboxed = sandboxed
        self.lang = lang
        sweep_run_dirs()
        self.run_dir = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-"))
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            command, env = self._command(theirs.fileno(), course_root)
            sink = log if log is not None else subprocess.DEVNULL
            self.process = subprocess.Popen(command, pass_fds=[theirs.fileno()], env=env,
                                            stdin=subprocess.DEVNULL, stdout=sink, stderr=sink,
                                            cwd="/")
        except BaseException:
            ours.close()
            shutil.rmtree(self.run_dir, ignore_errors=True)
            raise
        finally:
            theirs.close()
        self._channel = ours
        self._startup_timeout = startup_timeout
        self._warm = False
        self.cgroups = cgroups.find() if sandboxed else None

    def confine(self, kernel: KernelProcess) -> cgroups.KernelGroup | None:
        """Count the kernel's and its children's memory and processes together, where
        the machine allows (see :mod:`.cgroups`)."""
        if self.cgroups is None:
            return None
        try:
            return self.cgroups.confine(kernel.pid, self.limits)
        except OSError as error:
            kernel.kill()
            raise SandboxError(f"the kernel could not be put in its control group: {error}") \
                from error

    def _command(self, fd: int, course_root) -> tuple[list[str], dict[str, str]]:
        if not self.sandboxed:
            env = dict(os.environ, MPLBACKEND=INLINE_BACKEND)
            return python_command("logicrm_edu.sandbox.zygote:main", fd, os.getpid(), "0"), env
        bwrap = bwrap_executable()
        if bwrap is None:
            raise SandboxError("bwrap not found")
        env = dict(zygote_environment(), MPLBACKEND=INLINE_BACKEND)
        # inside, the zygote's parent is bubblewrap's init (pid 1 of the sandbox)
        zygote = python_command("logicrm_edu.sandbox.zygote:main", fd, 1, "1")
        return sandbox_command(bwrap, self.run_dir, course_root=course_root) + ["--"] + zygote, env

    def wait_ready(self) -> None:
        """Block until the zygote has imported everything (it starts warming up at once)."""
        if self._warm:
            return
        self._channel.settimeout(self._startup_timeout)
        try:
            hello = self._channel.recv(MAX_MESSAGE)
        except OSError as error:
            self.close()
            raise SandboxError(f"the sandbox did not start: {error}") from error
        if not hello:
            code = self.process.poll()
            self.close()
            raise SandboxError(f"the sandbox exited at start (code {code})")
        self._channel.settimeout(60)
        self._warm = True

    def alive(self) -> bool:
        return self.process.poll() is None

    def new_kernel_dir(self) -> Path:
        """A fresh folder for one kernel's connection file, sockets and working copy."""
        folder = self.run_dir / uuid.uuid4().hex[:16]
        folder.mkdir(mode=0o700)
        return folder

    def inside(self, path) -> str:
        """``path`` (under the run folder) as the sandbox names it."""
        if not self.sandboxed:
            return str(path)
        return RUN_DIR + "/" + str(Path(path).relative_to(self.run_dir))

    def release(self, kernel_dir: Path) -> None:
        """Remove a kernel's folder once the kernel has gone (never follows links)."""
        if Path(kernel_dir).parent == self.run_dir:
            shutil.rmtree(kernel_dir, ignore_errors=True)

    def fork(self, argv: list[str], *, kernel_dir: Path, files: dict[str, bytes],
             folder: str) -> KernelProcess:
        """A new kernel running ``ipykernel_launcher ARGV`` whose working folder
        (``folder`` under the student's home) holds ``files`` (relative path → bytes).
        Paths in ``argv`` are the grader's; they are translated with :meth:`inside`."""
        self.wait_ready()
        staged = Path(kernel_dir) / "files"
        for name, data in files.items():
            target = staged / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        staged.mkdir(exist_ok=True)
        home = HOME if self.sandboxed else str(Path(kernel_dir) / "home")
        cwd = f"{HOME}/{folder}" if self.sandboxed else str(staged)
        argv = [arg.replace(str(self.run_dir), self.inside(self.run_dir)) for arg in argv]
        request = {"argv": argv, "home": home, "cwd": cwd, "files": self.inside(staged),
                   "run_dir": RUN_DIR if self.sandboxed else str(self.run_dir),
                   "limits": self.limits.as_dict(), "lang": self.lang}
        try:
            self._channel.send(json.dumps(request).encode())
            data, fds, _, _ = socket.recv_fds(self._channel, MAX_MESSAGE, 2)
        except OSError as error:
            raise SandboxError(f"the sandbox does not answer: {error}") from error
        if not data:
            raise SandboxError(f"the sandbox exited (code {self.process.poll()})")
        reply = json.loads(data)
        if "error" in reply or len(fds) != 2:
            for fd in fds:
                os.close(fd)
            raise KernelStartError(reply.get("error", "no pidfd"))
        return KernelProcess(*fds)

    def close(self) -> None:
        """Stop the sandbox (every kernel in it dies with it) and remove its run folder."""
        try:
            self._channel.close()
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            shutil.rmtree(self.run_dir, ignore_errors=True)
