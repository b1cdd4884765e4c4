"""What a student's code can reach from a sandboxed kernel: its working copy and the
Python environment, nothing else of the machine, of the grader or of other kernels."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import psutil
import pytest

from logicrm_edu.sandbox import cgroups
from logicrm_edu.sandbox.bwrap import HOME, RUN_DIR

from .conftest import run_cells


def lines(cell) -> list[str]:
    return cell.text.strip().splitlines()


def test_the_kernel_sees_its_working_copy_and_python_only(host, tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    (course / "course.toml").write_text('[course]\nseed = "s3cret"\n')
    probe = (
        "import os, sys, glob\n"
        "print(os.getcwd()); print(sorted(os.listdir('.'))); print(os.getuid(), os.getgid())\n"
        f"print(os.path.exists({str(course)!r}), os.path.exists({str(Path(__file__).parent)!r}))\n"
        "print(os.path.exists('/etc/shadow'), os.path.exists(os.path.expanduser('~root')))\n"
        "print([p for top in ('/home', '/tmp', '/run', '/root', '/work', '/var', '/opt', '/srv')\n"
        "       for p in glob.glob(top + '/**/*.toml', recursive=True) + glob.glob(top + '/**/*.db',"
        " recursive=True)])\n"
        "print(open(os.__file__).read(10) != '')\n")
    cell, = run_cells(host, [probe], files={"customers.xlsx": b"data", "lib/helper.py": b"x = 1"},
                      folder="abc_tiering")
    cwd, listing, ids, course_or_tests, private, found, python_readable = lines(cell)
    assert cwd == f"{HOME}/abc_tiering"
    assert listing == "['customers.xlsx', 'lib']"
    assert ids == "1000 1000"
    assert course_or_tests == "False False"
    assert private == "False False"
    assert found == "[]"
    assert python_readable == "True"


def test_no_capability_no_new_privileges_no_user_namespace(host):
    probe = (
        "import ctypes, os\n"
        "status = dict(l.split(':\\t') for l in open('/proc/self/status').read().splitlines() if ':\\t' in l)\n"
        "print(status['CapEff'].strip(), status['CapBnd'].strip(), status['NoNewPrivs'].strip())\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "print(libc.unshare(0x10000000), libc.mount(b'none', b'/tmp', b'tmpfs', 0, None))\n")
    cell, = run_cells(host, [probe])
    caps, results = lines(cell)
    assert caps == "0000000000000000 0000000000000000 1"
    assert results == "-1 -1"   # unshare(CLONE_NEWUSER) and mount both refused


def test_only_its_own_home_is_writable(host):
    probe = (
        "import os, tempfile\n"
        "for path in ['/leak', '/tmp/leak', '/dev/shm/leak', '/etc/leak', '/home/leak', "
        "tempfile.gettempdir() + '/ok', os.path.expanduser('~/ok'), 'ok']:\n"
        "    try:\n"
        "        open(path, 'w').close(); print(path, 'written')\n"
        "    except OSError:\n"
        "        print(path, 'refused')\n")
    cell, = run_cells(host, [probe])
    assert lines(cell) == ["/leak refused", "/tmp/leak refused", "/dev/shm/leak refused",
                           "/etc/leak refused", "/home/leak refused",
                           f"{HOME}/.tmp/ok written", f"{HOME}/ok written", "ok written"]


def test_the_run_folder_and_the_zygote_are_out_of_reach(host):
    probe = (
        "import os\n"
        f"for path in ({RUN_DIR!r}, '/proc/2/environ', '/proc/2/mem'):\n"
        "    try:\n"
        "        os.listdir(path) if path.startswith('/run') else open(path, 'rb').read(1)\n"
        "        print(path, 'open')\n"
        "    except OSError as error:\n"
        "        print(path, type(error).__name__)\n"
        "print(os.getpid(), os.getppid())\n")
    cell, = run_cells(host, [probe])
    assert lines(cell)[:3] == [f"{RUN_DIR} PermissionError", "/proc/2/environ PermissionError",
                               "/proc/2/mem PermissionError"]
    assert lines(cell)[3] == "2 1"   # its own PID namespace: its init is 1, it is 2


def test_no_network_not_even_the_graders_loopback(host):
    server = socket.create_server(("127.0.0.1", 0))
    port, reached = server.getsockname()[1], []
    threading.Thread(target=lambda: reached.append(server.accept()), daemon=True).start()
    probe = (
        "import socket\n"
        f"for address in [('127.0.0.1', {port}), ('8.8.8.8', 53)]:\n"
        "    try:\n"
        "        socket.create_connection(address, timeout=2); print('connected')\n"
        "    except OSError as error:\n"
        "        print(type(error).__name__)\n")
    cell, = run_cells(host, [probe])
    server.close()
    assert lines(cell) == ["ConnectionRefusedError", "OSError"]
    assert reached == []


def test_every_process_dies_with_its_kernel(host):
    mark = f"{time.time() % 1000:.3f}"
    run_cells(host, [
        "import os, subprocess\n"
        f"subprocess.Popen(['sleep', '1{mark}'], start_new_session=True)\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        f"    os.execvp('sleep', ['sleep', '2{mark}'])\n"])
    deadline = time.time() + 10
    while time.time() < deadline:
        left = [p for p in psutil.process_iter(["cmdline"]) if mark in " ".join(p.info["cmdline"] or [])]
        if not left:
            break
        time.sleep(0.2)
    assert left == []


def test_nothing_carries_over_to_the_next_kernel(host):
    run_cells(host, [
        "import os\n"
        "os.makedirs(os.path.expanduser('~/.ipython/profile_default/startup'), exist_ok=True)\n"
        "open(os.path.expanduser('~/.ipython/profile_default/startup/00.py'), 'w').write('LEFT = 1')\n"
        "open('/tmp/left', 'w').write('x'); open('left', 'w').write('x')\n"
        "import logicrm_edu; logicrm_edu.LEFT = 1\n"])
    cell, = run_cells(host, [
        "import os, logicrm_edu\n"
        "print('LEFT' in dir(), os.path.exists('/tmp/left'), os.path.exists('left'),"
        " hasattr(logicrm_edu, 'LEFT'))\n"])
    assert lines(cell) == ["False False False False"]


def test_limits_hold_and_cannot_be_raised(host):
    cells = run_cells(host, [
        "hog = bytearray(4 * 2**30)",
        "import resource; resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY,) * 2)",
        "open('big', 'wb').write(b'x' * (32 * 2**20))",
        "for i in range(8):\n    open(f'part{i}', 'wb').write(b'x' * (12 * 2**20))",
        "import os\nkids = []\ntry:\n    while True:\n        pid = os.fork()\n"
        "        if pid == 0:\n            import time; time.sleep(30); os._exit(0)\n"
        "        kids.append(pid)\nexcept OSError as error:\n    print(type(error).__name__, len(kids) < 64)\n"
        "for pid in kids:\n    os.kill(pid, 9)",
        "print('alive')",
    ])
    memory, raise_limit, file_size, disk, fork, alive = cells
    assert memory.error == "MemoryError"
    assert raise_limit.error in ("ValueError", "PermissionError")
    assert file_size.error == "OSError"        # past the 16 MB file limit (EFBIG)
    assert disk.error == "OSError"             # the 64 MB working area is full (ENOSPC)
    assert fork.text.strip() == "BlockingIOError True"
    assert alive.text.strip() == "alive"


@pytest.mark.skipif(cgroups.find() is None, reason="control groups need root with cgroup v1")
def test_memory_of_all_children_is_counted_together(host):
    cell, = run_cells(host, [
        "import os, time\nkids = []\n"
        "for _ in range(5):\n    pid = os.fork()\n    if pid == 0:\n"
        "        block = bytearray(300 * 2**20)\n"
        "        for i in range(0, len(block), 4096): block[i] = 1\n"
        "        time.sleep(20); os._exit(0)\n    kids.append(pid)\n"
        "time.sleep(4)\n"
        "print(sum(os.waitpid(p, os.WNOHANG)[0] == p for p in kids))\n"])
    # 5 x 300 MB is more than the 512 MB limit (+ 64 MB disk + headroom): some were stopped
    assert int(cell.text) >= 1


def test_a_kernel_dies_with_its_sandbox(tmp_path):
    import asyncio

    from logicrm_edu.sandbox.host import SandboxHost
    from logicrm_edu.sandbox.kernels import SandboxKernelManager

    own = SandboxHost()

    async def start():
        km = SandboxKernelManager(host=own, files={}, folder="x", kernel_name="python3")
        await km.start_kernel()
        return km

    km = asyncio.run(start())
    kernel = psutil.Process(km.provisioner.pid)
    own.close()
    gone, alive = psutil.wait_procs([kernel], timeout=10)
    assert not alive
    assert not own.run_dir.exists()
