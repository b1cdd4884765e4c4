"""A kernel's control group: limits written, the process moved in, everything killed at the end."""
import subprocess
import threading

import pytest

from logicrm_edu.sandbox import cgroups
from logicrm_edu.sandbox.limits import MB, Limits

found = cgroups.find()
pytestmark = pytest.mark.skipif(found is None, reason="control groups need root with cgroup v1")


def test_confine_writes_the_limits_and_close_kills_what_is_left():
    sleeper = subprocess.Popen(["sleep", "60"])
    group = found.confine(sleeper.pid, Limits(memory_mb=100, processes=7, disk_mb=20))
    try:
        memory, pids = group.folders
        expected = (100 + 20 + cgroups.HEADROOM_MB) * MB
        assert int((memory / "memory.limit_in_bytes").read_text()) == expected
        assert (pids / "pids.max").read_text().strip() == "7"
        assert str(sleeper.pid) in (memory / "cgroup.procs").read_text().split()
    finally:
        threading.Thread(target=sleeper.wait, daemon=True).start()  # reap it, as a kernel's init does
        group.close()
    assert sleeper.wait(timeout=10) == -9
    assert not any(folder.exists() for folder in group.folders)
