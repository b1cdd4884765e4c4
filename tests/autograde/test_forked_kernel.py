"""Kernels forked from the zygote behave like fresh ``python -m ipykernel_launcher``
kernels: own process, the notebook's folder as cwd, inline matplotlib, rich
outputs, the caller's environment, nothing left over from another kernel; they
can be interrupted, are capped in memory, and die with the zygote."""
import os
import signal
import time

import nbformat
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from logicrm_edu.autograde.forked_kernel import ForkedKernelManager, Zygote
from logicrm_edu.autograde.nbgrader_autograde import ForkedExecute
from logicrm_edu.autograde.notes import DEAD_KERNEL, NOT_RUN


@pytest.fixture(scope="module")
def zygote():
    z = Zygote()
    yield z
    z.close()


def run(zygote, sources, folder, *, timeout=10, memory_limit_mb=None):
    """Execute cells with nbgrader's Execute on a forked kernel; the executed notebook."""
    nb = new_notebook(cells=[new_code_cell(s) for s in sources],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    execute = ForkedExecute(zygote=zygote, memory_limit_mb=memory_limit_mb, timeout=timeout)
    nb, _ = execute.preprocess(nb, {"metadata": {"path": str(folder)}})
    return nb


def text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def errors(cell) -> list[str]:
    return [o.ename for o in cell.outputs if o.output_type == "error"]


def test_forked_kernel_is_a_fresh_ipykernel(zygote, tmp_path, monkeypatch):
    monkeypatch.setenv("LOGICRM_PROBE", "from-the-grader")
    first = run(zygote, [
        "import os, sys, matplotlib\nprint(os.getcwd()); print(os.getppid())",
        "print(matplotlib.get_backend())",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.bar([1, 2], [3, 4])",
        "import pandas as pd\npd.DataFrame({'客户': [1, 2]})",
        "print(os.environ['LOGICRM_PROBE'])",
        "import numpy as np\nprint(np.random.rand())",
        "left_behind = 42",
    ], tmp_path)
    cwd, parent = text(first.cells[0]).split()
    assert cwd == str(tmp_path) and int(parent) == zygote.process.pid
    assert "inline" in text(first.cells[1])
    assert any("image/png" in o.get("data", {}) for o in first.cells[2].outputs)
    assert any("text/html" in o.get("data", {}) for o in first.cells[3].outputs)
    assert text(first.cells[4]).strip() == "from-the-grader"
    second = run(zygote, ["print('left_behind' in dir())", "import numpy as np\nprint(np.random.rand())"],
                 tmp_path)
    assert text(second.cells[0]).strip() == "False"
    assert text(second.cells[1]) != text(first.cells[5])  # numpy reseeded per kernel


def test_cell_timeout_interrupts_and_the_kernel_goes_on(zygote, tmp_path):
    nb = run(zygote, ["import time\ntime.sleep(60)", "print('alive')"], tmp_path, timeout=1)
    assert "CellTimeoutError" in errors(nb.cells[0])
    assert text(nb.cells[1]).strip() == "alive"


def test_memory_limit_raises_memory_error(zygote, tmp_path):
    nb = run(zygote, ["hog = bytearray(4 * 1024 ** 3)", "print('alive')"], tmp_path,
             memory_limit_mb=256)
    assert errors(nb.cells[0]) == ["MemoryError"]
    assert text(nb.cells[1]).strip() == "alive"


def test_dead_kernel_marks_later_cells_not_run(zygote, tmp_path):
    nb = run(zygote, ["x = 1", "import os\nos._exit(1)", "print('never')", "y = 2"], tmp_path)
    assert errors(nb.cells[0]) == []
    assert errors(nb.cells[1]) == [DEAD_KERNEL]
    assert errors(nb.cells[2]) == errors(nb.cells[3]) == [NOT_RUN]


def test_kernel_dies_with_its_zygote(tmp_path):
    import asyncio

    own = Zygote()

    async def start():
        km = ForkedKernelManager(zygote=own, kernel_name="python3")
        await km.start_kernel(cwd=str(tmp_path))
        return km

    km = asyncio.run(start())
    kernel = psutil.Process(km.provisioner.pid)
    assert kernel.ppid() == own.process.pid
    os.kill(own.process.pid, signal.SIGKILL)
    own.process.wait()
    gone, alive = psutil.wait_procs([kernel], timeout=10)
    assert not alive
    km.cleanup_connection_file()


def test_same_interpreter_state_as_a_spawned_kernel(zygote, tmp_path):
    probe = ("import sys, os, signal, matplotlib\n"
             "print(repr([sys.path, os.path.basename(sys.argv[0]), matplotlib.get_backend(),\n"
             "            matplotlib.rcParams['font.family'], 'logicrm_edu' in sys.modules,\n"
             "            'nbgrader' in sys.modules, signal.getsignal(signal.SIGCHLD), os.getsid(0) == os.getpid(),\n"
             "            type(get_ipython()).__name__, __name__]))")
    spawned, forked = (text(run(z, [probe], tmp_path).cells[0]) for z in (None, zygote))
    assert forked == spawned
