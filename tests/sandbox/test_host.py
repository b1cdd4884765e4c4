"""A grader killed while it grades leaves no sandbox folder behind for good."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time

from logicrm_edu.sandbox.host import RUN_PREFIX, SandboxHost, sweep_run_dirs

HOLD_A_HOST = """
import sys, time
from logicrm_edu.sandbox.host import SandboxHost
host = SandboxHost(sandboxed=False)
print(host.run_dir, flush=True)
time.sleep(600)
"""


def _gone_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_folders_of_processes_that_are_gone_are_removed_and_others_kept(tmp_path):
    dead = tmp_path / f"{RUN_PREFIX}{_gone_pid()}-abc"
    alive = tmp_path / f"{RUN_PREFIX}{os.getpid()}-def"
    unnamed = tmp_path / f"{RUN_PREFIX}q_7drfs3"  # no process in its name
    other = tmp_path / "other-123-x"
    for folder in (dead, alive, unnamed, other):
        (folder / "etc").mkdir(parents=True)
    assert sweep_run_dirs(str(tmp_path)) == [dead]
    assert not dead.exists() and alive.exists() and unnamed.exists() and other.exists()


def test_the_next_sandbox_removes_the_folder_of_a_killed_grader(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    grader = subprocess.Popen([sys.executable, "-c", HOLD_A_HOST], stdout=subprocess.PIPE,
                              text=True)
    left = grader.stdout.readline().strip()
    assert left.startswith(str(tmp_path / f"{RUN_PREFIX}{grader.pid}-"))
    grader.send_signal(signal.SIGKILL)  # as a worker killed at its deadline
    grader.wait()
    time.sleep(0.2)
    assert os.path.isdir(left)  # it could not remove its own folder
    host = SandboxHost(sandboxed=False)
    try:
        assert not os.path.exists(left)
        assert host.run_dir.exists()
    finally:
        host.close()
    assert not host.run_dir.exists()
