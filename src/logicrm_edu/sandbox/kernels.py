"""Sandboxed kernels behind jupyter_client's ordinary interfaces.

:class:`SandboxKernelManager` is an ``AsyncKernelManager`` whose provisioner
asks a :class:`~.host.SandboxHost` for the kernel instead of spawning ``python
-m ipykernel_launcher``.  The kernel has no network, so it is reached over
Unix sockets (``transport="ipc"``) in its folder of the sandbox's run folder.
Everything else (the connection file, the kernel client, interrupts, shutdown)
is jupyter_client's own code, so nbclient and nbgrader drive a sandboxed kernel
exactly like a spawned one.

The client's sockets are told what a hostile kernel may do: a message larger
than :data:`MAX_MESSAGE_BYTES` drops the connection instead of filling the
grader's memory, and a dropped connection is never re-established (the
socket path is never looked up again after the first connect).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

from .host import SandboxHost

MAX_MESSAGE_BYTES = 32 * 1024 * 1024


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


class NotAPythonKernel(RuntimeError):
    """The notebook asks for a kernel the sandbox cannot fork (another language or Python)."""


class SandboxProvisioner(LocalProvisioner):
    """LocalProvisioner that gets its kernel from a sandbox host."""

    host: SandboxHost | None = None
    kernel_dir: Path | None = None
    files: dict[str, bytes] = {}
    folder: str = "work"
    startup_timeout: float = 60

    async def launch_kernel(self, cmd: list[str], **kwargs):
        arguments = ipykernel_arguments(cmd)
        if arguments is None:
            raise NotAPythonKernel(" ".join(cmd[:3]))
        self._translate_connection_file()
        self.process = self.host.fork(arguments, kernel_dir=self.kernel_dir, files=self.files,
                                      folder=self.folder)
        self.pid = self.pgid = self.process.pid  # the kernel calls setsid()
        self.cwd = str(self.kernel_dir)
        await self.process.bound(timeout=self.startup_timeout)
        self.group = self.host.confine(self.process)
        return self.connection_info

    def _translate_connection_file(self) -> None:
        """The kernel binds its sockets where the sandbox sees our socket folder."""
        path = Path(self.parent.connection_file)
        info = json.loads(path.read_text(encoding="utf-8"))
        info["ip"] = self.host.inside(info["ip"])
        path.write_text(json.dumps(info), encoding="utf-8")

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart)
        if getattr(self, "group", None) is not None:
            self.group.close()
            self.group = None
        if not restart and self.kernel_dir is not None:
            self.host.release(self.kernel_dir)


class SandboxKernelClient(AsyncKernelClient):
    """The stock async client with bounded, non-reconnecting sockets, whose
    ``wait_for_ready`` returns as soon as the kernel_info request's ``idle`` status
    arrives on IOPub (jupyter_client waits for 0.2 s of IOPub silence)."""

    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE_BYTES)
        context.setsockopt(zmq.RECONNECT_IVL, -1)
        return context

    def _create_connected_socket(self, channel: str, identity: bytes | None = None):
        sock = super()._create_connected_socket(channel, identity)
        # a message to a kernel that is gone is never delivered: don't wait for it on close
        sock.linger = 0
        return sock

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


class SandboxKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose one kernel comes from ``host``, with ``files`` (relative
    path → bytes) in its working folder ``folder`` under the student's home."""

    def __init__(self, *, host: SandboxHost, files: dict[str, bytes], folder: str, **kwargs):
        kwargs.setdefault("client_factory", SandboxKernelClient)
        kernel_dir = host.new_kernel_dir()
        kwargs.update(transport="ipc", ip=str(kernel_dir / "k"),
                      connection_file=str(kernel_dir / "kernel.json"))
        super().__init__(**kwargs)
        self._host, self._files, self._folder, self._kernel_dir = host, files, folder, kernel_dir

    async def _async_pre_start_kernel(self, **kw):
        self.kernel_id = self.kernel_id or kw.pop("kernel_id", None) or self._kernel_dir.name
        if self.provisioner is None:
            provisioner = SandboxProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                             parent=self)
            provisioner.host, provisioner.kernel_dir = self._host, self._kernel_dir
            provisioner.files, provisioner.folder = self._files, self._folder
            self.provisioner = provisioner
        return await super()._async_pre_start_kernel(**kw)

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        # a forked kernel exits in milliseconds; don't spend 100 ms per poll on it
        await super()._async_wait(pollinterval=min(pollinterval, 0.01))
