"""Kernels forked from a warm zygote, behind jupyter_client's ordinary interfaces.

:class:`Zygote` starts and talks to one zygote process
(:mod:`logicrm_edu.autograde.zygote`).  :class:`ForkedKernelManager` is an
``AsyncKernelManager`` whose provisioner asks the zygote for the kernel
instead of spawning ``python -m ipykernel_launcher``; everything else (the
connection file, ports, the kernel client, interrupts by SIGINT to the
kernel's process group, shutdown) is jupyter_client's own code, so nbclient
and nbgrader drive a forked kernel exactly like a spawned one.
"""
from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid

from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

from .launch import python_command
from .zygote import INLINE_BACKEND, MAX_MESSAGE


class ZygoteError(RuntimeError):
    """The zygote could not be started or did not answer."""


class ForkedProcess:
    """A kernel forked by the zygote, with the parts of ``subprocess.Popen`` that
    jupyter_client uses.  It is the zygote's child, not ours, so it is watched
    through a pidfd (no pid-reuse races) and its exit code is not known (``-1``)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, pidfd: int, ready_fd: int | None = None):
        self.pid = pid
        self._pidfd = pidfd
        self._ready_fd = ready_fd
        self.returncode: int | None = None

    async def bound(self, timeout: float) -> None:
        """Wait until the kernel has bound its sockets (or exited, or ``timeout``)."""
        if self._ready_fd is None:
            return
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        loop.add_reader(self._ready_fd, lambda: done.done() or done.set_result(None))
        try:
            await asyncio.wait_for(done, timeout)
        except asyncio.TimeoutError:
            pass
        finally:
            loop.remove_reader(self._ready_fd)
            os.close(self._ready_fd)
            self._ready_fd = None

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


class Zygote:
    """One zygote process (:mod:`.zygote`).

    ``log``: a file for the zygote's and its kernels' stderr (default: discarded).
    """

    def __init__(self, *, log=None, startup_timeout: float = 120):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.cwd = tempfile.gettempdir()
        env = dict(os.environ)
        env.setdefault("MPLBACKEND", INLINE_BACKEND)
        sink = log if log is not None else subprocess.DEVNULL
        self.process = subprocess.Popen(
            python_command("logicrm_edu.autograde.zygote:main", theirs.fileno(), os.getpid()),
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=sink, stderr=sink,
            cwd=self.cwd, env=env)
        theirs.close()
        self._channel = ours
        self._startup_timeout = startup_timeout
        self._warm = False

    def wait_ready(self) -> None:
        """Block until the zygote has imported everything (it starts warming up at once)."""
        if self._warm:
            return
        self._channel.settimeout(self._startup_timeout)
        try:
            hello = self._channel.recv(MAX_MESSAGE)
        except OSError as error:
            self.close()
            raise ZygoteError(f"zygote did not start: {error}") from error
        if not hello:
            self.close()
            raise ZygoteError(f"zygote exited at start (code {self.process.poll()})")
        self._channel.settimeout(30)
        self._warm = True

    def alive(self) -> bool:
        return self.process.poll() is None

    def fork(self, argv: list[str], *, cwd: str, env: dict[str, str],
             memory_limit_mb: int | None = None) -> ForkedProcess:
        """A new kernel running ``ipykernel_launcher ARGV`` in ``cwd`` with ``env``."""
        self.wait_ready()
        request = {"argv": list(argv), "cwd": str(cwd), "env": dict(env),
                   "memory_limit_mb": memory_limit_mb}
        try:
            self._channel.send(json.dumps(request).encode())
            data, fds, _, _ = socket.recv_fds(self._channel, MAX_MESSAGE, 2)
        except OSError as error:
            raise ZygoteError(f"zygote does not answer: {error}") from error
        if not data:
            raise ZygoteError(f"zygote exited (code {self.process.poll()})")
        reply = json.loads(data)
        if "error" in reply or len(fds) != 2:
            for fd in fds:
                os.close(fd)
            raise ZygoteError(reply.get("error", "no pidfd"))
        return ForkedProcess(reply["pid"], *fds)

    def close(self) -> None:
        """Stop the zygote (its kernels die with it)."""
        try:
            self._channel.close()
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()


def ipykernel_arguments(cmd: list[str]) -> list[str] | None:
    """The arguments after ``-m ipykernel_launcher`` when ``cmd`` starts an ipykernel
    with this very interpreter (the only kind a zygote can fork), else None."""
    if len(cmd) < 3 or cmd[1:3] != ["-m", "ipykernel_launcher"]:
        return None
    try:
        same = os.path.samefile(cmd[0], sys.executable)
    except OSError:
        same = False
    return cmd[3:] if same else None


class ForkedProvisioner(LocalProvisioner):
    """LocalProvisioner that forks the kernel from a zygote when it can."""

    zygote: Zygote | None = None
    memory_limit_mb: int | None = None
    startup_timeout: float = 60

    async def launch_kernel(self, cmd: list[str], **kwargs):
        arguments = ipykernel_arguments(cmd)
        if self.zygote is None or arguments is None:
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        env = dict(kwargs.get("env") or os.environ)
        self.process = self.zygote.fork(arguments, cwd=cwd, env=env,
                                        memory_limit_mb=self.memory_limit_mb)
        self.pid = self.pgid = self.process.pid  # the kernel calls setsid()
        self.cwd = cwd
        await self.process.bound(timeout=self.startup_timeout)
        return self.connection_info


class PromptKernelClient(AsyncKernelClient):
    """The stock async client, except that ``wait_for_ready`` returns as soon as the
    kernel_info request's ``idle`` status arrives on IOPub, where jupyter_client
    waits for 0.2 s of IOPub silence (nbclient ignores IOPub messages of other
    requests anyway)."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while True:
            request = self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                if await self._idle_after(request):
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    async def _idle_after(self, request: str) -> bool:
        """Read IOPub until ``request``'s idle status (True) or 0.2 s of silence (False:
        IOPub not connected yet, ask again)."""
        while True:
            try:
                msg = await self.iopub_channel.get_msg(timeout=0.2)
            except Empty:
                return False
            if (msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle"
                    and msg["parent_header"].get("msg_id") == request):
                return True


class ForkedKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose kernels come from ``zygote``, each with an
    address-space limit of ``memory_limit_mb`` on top of its own footprint."""

    def __init__(self, *, zygote: Zygote | None, memory_limit_mb: int | None = None, **kwargs):
        kwargs.setdefault("client_factory", PromptKernelClient)
        super().__init__(**kwargs)
        self._zygote = zygote
        self._memory_limit_mb = memory_limit_mb

    async def _async_pre_start_kernel(self, **kw):
        self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
        if self.provisioner is None:
            provisioner = ForkedProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                            parent=self)
            provisioner.zygote = self._zygote
            provisioner.memory_limit_mb = self._memory_limit_mb
            self.provisioner = provisioner
        return await super()._async_pre_start_kernel(**kw)

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        # a forked kernel exits in milliseconds; don't spend 100 ms per poll on it
        await super()._async_wait(pollinterval=min(pollinterval, 0.01))
