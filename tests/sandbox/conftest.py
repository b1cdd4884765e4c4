"""A sandbox host per module, and a way to run cells in one of its kernels."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest

from logicrm_edu.sandbox.host import SandboxHost
from logicrm_edu.sandbox.kernels import SandboxKernelManager
from logicrm_edu.sandbox.limits import Limits


@dataclass
class Cell:
    """What one executed cell printed, and the name of its error (or None)."""

    text: str
    error: str | None


def run_cells(host: SandboxHost, sources: list[str], *, files: dict | None = None,
              folder: str = "work", timeout: float = 60) -> list[Cell]:
    """Run ``sources`` one after another in a fresh kernel of ``host``."""
    return asyncio.run(_run(host, sources, files or {}, folder, timeout))


async def _run(host, sources, files, folder, timeout) -> list[Cell]:
    km = SandboxKernelManager(host=host, files=files, folder=folder, kernel_name="python3")
    await km.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"])
    kc = km.client()
    kc.start_channels()
    cells = []
    try:
        await kc.wait_for_ready(timeout=60)
        for source in sources:
            msg_id = kc.execute(source)
            text, error = "", None
            while True:
                try:
                    msg = await kc.get_iopub_msg(timeout=timeout)
                except Exception:  # the kernel is gone: nothing more comes
                    error = error or "NoReply"
                    break
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "stream":
                    text += msg["content"]["text"]
                elif msg["msg_type"] == "error":
                    error = msg["content"]["ename"]
                elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            cells.append(Cell(text, error))
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
    return cells


@pytest.fixture(scope="module")
def host():
    sandbox = SandboxHost(limits=Limits(memory_mb=512, processes=64, file_mb=16, disk_mb=64))
    yield sandbox
    sandbox.close()
