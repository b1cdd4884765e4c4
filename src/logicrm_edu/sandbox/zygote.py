"""The zygote: a process inside the sandbox that has imported the heavy libraries
once and forks one fresh, isolated IPython kernel per submission.

Starting a kernel the usual way costs a new interpreter plus importing
ipykernel, pandas and matplotlib (about 1.3 s per submission).  The zygote pays
that once; each kernel is then a ``fork()`` of it that builds a brand-new
``IPKernelApp`` from its connection file exactly as ``python -m
ipykernel_launcher -f <file>`` would.  The zygote itself never runs student
code, starts no threads and opens no zmq sockets (forking those is unsafe),
and it is not dumpable, so a kernel could not read or trace it even if it
could see it.

Each request forks this chain (see :mod:`.isolation`)::

    zygote ─ keeper ─ init (PID 1 of the kernel's namespaces) ─ kernel

The keeper only waits (its death takes the rest with it); init builds the
kernel's workspace, forks the kernel and waits for it; when the kernel exits,
init exits and every process the student started dies with the namespace.

Run as ``main([FD, PARENT_PID, ISOLATE])`` (see :mod:`.launch`): ``FD`` is one
end of a ``SOCK_SEQPACKET`` socket pair.  Each request is one JSON message
``{"argv", "cwd", "files", "run_dir", "limits"}``; the reply is ``{"ok": true}``
with two descriptors attached: a pidfd of the kernel and a pipe that turns
readable once the kernel can be connected to (it then holds ``b"1"``, or
``b"E"`` and the reason it could not start), or ``{"error": ...}``.  The
zygote exits when its socket closes and dies with its parent.
"""
from __future__ import annotations

import atexit
import gc
import importlib
import json
import os
import select
import signal
import socket
import sys
import tempfile
import traceback

from . import isolation, linux
from .limits import Limits, apply_limits

# Modules every kernel imports anyway: ipykernel itself (with what IPython imports while it
# starts: its history database, debugger and traceback formatting; psutil when it stops),
# the course library the notebook's first cell imports (which sets matplotlib's Chinese
# font), and what the grader's hand-over of answers uses.
PRELOAD = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.iostream",
    "ipykernel.comm", "ipykernel.debugger", "IPython.core.interactiveshell",
    "IPython.core.completer", "IPython.core.debugger", "IPython.core.ultratb", "stack_data",
    "pygments.formatters.terminal256", "sqlite3", "faulthandler", "tornado.platform.asyncio",
    "psutil",
    "numpy", "pandas", "openpyxl", "pandas.io.excel._openpyxl", "statistics", "tomllib",
    "matplotlib", "matplotlib.pyplot", "matplotlib.backends.backend_agg",
    "logicrm_edu", "logicrm_edu.assignments", "logicrm_edu.grading.handover",
)
# Fonts whose files are parsed ahead (a cache only: no font setting changes).
WARM_FONTS = ("DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
MAX_MESSAGE = 1 << 20
KEEPER_TIMEOUT = 30  # seconds for a forked chain to report its kernel


def kernel_environment(home: str, lang: str | None) -> dict[str, str]:
    """The whole environment of a kernel: nothing of the grader's leaks in."""
    env = {
        "HOME": home, "USER": "student", "LOGNAME": "student", "TMPDIR": os.path.join(home, ".tmp"),
        "PATH": os.pathsep.join([os.path.dirname(sys.executable), "/usr/local/bin", "/usr/bin",
                                 "/bin"]),
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": INLINE_BACKEND,
        "MPLCONFIGDIR": os.path.join(home, ".config", "matplotlib"),
        "IPYTHONDIR": os.path.join(home, ".ipython"),
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    }
    if lang:
        env["LOGICRM_LANG"] = lang
    return env


def warm_up(modules=PRELOAD) -> None:
    """Import ``modules`` and parse the usual font files, so kernels start with the
    imports done.  Changes no matplotlib setting and no pyplot state: only caches."""
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)  # as ipykernel sets it before imports
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # a kernel imports it again itself; only speed is lost
            traceback.print_exc()
            for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
                del sys.modules[loaded]
    try:
        from matplotlib import font_manager
        for family in WARM_FONTS:
            try:
                path = font_manager.findfont(font_manager.FontProperties(family=family),
                                             fallback_to_default=False)
            except ValueError:
                continue
            font_manager.get_font(path)
    except Exception:
        pass


def main(argv: list[str]) -> int:
    fd, parent, isolate = int(argv[0]), int(argv[1]), argv[2] == "1"
    linux.die_with_parent(parent)
    if isolate:
        linux.set_dumpable(False)
    from .launch import forget_package
    forget_package()  # the launcher's bare package: warm_up imports the whole of it
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the batch's business
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # keepers are reaped automatically
    channel = socket.socket(fileno=fd)
    warm_up()
    # the warm objects are never collected: left to the collector, every kernel's first
    # collections would walk them all and copy the zygote's memory page by page
    gc.freeze()
    channel.send(json.dumps({"ready": os.getpid()}).encode())
    while True:
        try:
            data = channel.recv(MAX_MESSAGE)
        except OSError:
            break
        if not data:
            break
        _serve(channel, json.loads(data), isolate)
    return 0


def _serve(channel: socket.socket, request: dict, isolate: bool) -> None:
    """Fork one kernel chain and pass its pidfd and ready pipe to the grader."""
    ready_read, ready_write = os.pipe()
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    zygote = os.getpid()
    if os.fork() == 0:
        channel.close()
        ours.close()
        os.close(ready_read)
        _close_all_but({theirs.fileno(), ready_write})
        _keeper(request, theirs, ready_write, zygote, isolate)
    theirs.close()
    os.close(ready_write)
    ours.settimeout(KEEPER_TIMEOUT)
    fds = []
    try:
        data, fds, _, _ = socket.recv_fds(ours, MAX_MESSAGE, 1)
        reply = json.loads(data) if data else {"error": "kernel chain exited at once"}
    except (OSError, ValueError) as error:
        reply = {"error": f"kernel chain did not answer: {error}"}
    finally:
        ours.close()
    if "error" in reply or len(fds) != 1:
        reply["error"] = _reason(ready_read) or reply.get("error", "no pidfd")
        for fd in fds:
            os.close(fd)
        os.close(ready_read)
        channel.send(json.dumps(reply).encode())
        return
    socket.send_fds(channel, [json.dumps({"ok": True}).encode()], [fds[0], ready_read])
    os.close(fds[0])
    os.close(ready_read)


def _reason(ready: int) -> str:
    """What a failed chain wrote before it exited (``""`` if nothing)."""
    readable, _, _ = select.select([ready], [], [], 0)
    message = os.read(ready, 4096) if readable else b""
    return message[1:].decode("utf-8", "replace") if message.startswith(b"E") else ""


def _close_all_but(keep: set[int]) -> None:
    """Close every descriptor above stderr except ``keep`` (nothing of the zygote's
    reaches the kernel)."""
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, os.sysconf("SC_OPEN_MAX"))


def _keeper(request: dict, report: socket.socket, ready: int, zygote: int, isolate: bool) -> None:
    """In the forked child: enter the kernel's namespaces and wait for their init; never returns."""
    code = 1
    try:
        linux.die_with_parent(zygote)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        if isolate:
            isolation.enter_namespaces()
        keeper = os.getpid()
        init = os.fork()
        if init == 0:
            _init(request, report, ready, keeper, isolate)
        report.close()
        os.close(ready)
        _, status = os.waitpid(init, 0)
        code = os.waitstatus_to_exitcode(status)
    except BaseException:
        _fail(ready, traceback.format_exc())
    finally:
        os._exit(code if isinstance(code, int) and code >= 0 else 1)


def _init(request: dict, report: socket.socket, ready: int, keeper: int, isolate: bool) -> None:
    """The first process of the kernel's namespaces: make the workspace, fork the kernel,
    report it, reap until it exits; never returns."""
    code = 1
    try:
        # (its parent is outside its PID namespace: getppid() says 0, so no check)
        linux.die_with_parent(None if isolate else keeper)
        limits = Limits(**request["limits"])
        cwd = request["cwd"]
        if isolate:
            isolation.make_workspace(request["home"], limits.disk_mb)
            os.makedirs(cwd, exist_ok=True)
            isolation.copy_in(request["files"], cwd)
        kernel = os.fork()
        if kernel == 0:
            report.close()
            _become_kernel(request, ready, limits, isolate)
        pidfd = os.pidfd_open(kernel)
        socket.send_fds(report, [json.dumps({"pid": kernel}).encode()], [pidfd])
        os.close(pidfd)
        report.close()
        os.close(ready)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT,
                       signal.SIGUSR1, signal.SIGUSR2, signal.SIGPIPE):
            signal.signal(signum, signal.SIG_IGN)
        while True:
            pid, status = os.waitpid(-1, 0)
            if pid == kernel:
                code = os.waitstatus_to_exitcode(status)
                break
    except BaseException:
        _fail(ready, traceback.format_exc())
    finally:
        os._exit(code if isinstance(code, int) and code >= 0 else 1)


def _fail(ready: int, text: str) -> None:
    try:
        os.write(ready, b"E" + text[-2000:].encode("utf-8", "replace"))
    except OSError:
        pass


def _become_kernel(request: dict, ready: int, limits: Limits, isolate: bool) -> None:
    """Turn into ``python -m ipykernel_launcher ARGV`` in ``cwd``; never returns.  Writes
    ``b"1"`` to ``ready`` once its sockets are bound and it is sealed."""
    code = 1
    try:
        os.setsid()  # as jupyter_client's launcher: own session, killpg reaches helpers
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE):
            signal.signal(signum, signal.SIG_DFL)
        atexit._clear()  # the zygote's exit handlers are not the kernel's
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(kernel_environment(request["home"], request.get("lang")))
        os.environ["JPY_PARENT_PID"] = str(os.getppid())
        tempfile.tempdir = None  # found again from TMPDIR (the zygote had none)
        _reseed_numpy()
        import ipykernel_launcher
        from ipykernel.kernelapp import IPKernelApp
        sys.argv = [ipykernel_launcher.__file__, *request["argv"]]
        app = IPKernelApp.instance()
        app.initialize(request["argv"])
        if isolate:
            isolation.seal(request["run_dir"])
            linux.set_dumpable(True)  # its own /proc entries readable again; nobody else sees it
        apply_limits(limits)
        os.write(ready, b"1")
        os.close(ready)
        app.start()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        _fail(ready, traceback.format_exc())
    finally:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code)


def _reseed_numpy() -> None:
    """``random`` reseeds itself after fork; numpy's global generator does not, and a
    fresh kernel would have drawn a new seed when it imported numpy."""
    if "numpy.random" in sys.modules:
        sys.modules["numpy.random"].seed()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
