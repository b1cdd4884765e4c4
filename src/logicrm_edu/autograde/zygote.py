"""The zygote: a process that has imported the heavy libraries once and forks
one fresh IPython kernel per submission.

Starting a kernel the usual way costs a new interpreter plus importing
ipykernel, pandas and matplotlib (about 1.3 s per submission).  The zygote pays
that once; each kernel is then a ``fork()`` of it that builds a brand-new
``IPKernelApp`` from the connection file exactly as ``python -m
ipykernel_launcher -f <file>`` would.  Nothing is shared between students: a
kernel is a copy of the zygote's memory, never of another kernel's, and the
zygote itself never runs student code, starts threads of its own or opens zmq
sockets (forking those would be unsafe).

Run as ``main([FD, PARENT_PID])`` (see :mod:`.launch`): ``FD`` is one
end of a ``SOCK_SEQPACKET`` socket pair.  Each request is one JSON message
``{"argv": [...], "cwd": ..., "env": {...}, "memory_limit_mb": N}``; the reply
is ``{"pid": ...}`` with two descriptors attached: a pidfd of the new kernel
and a pipe that turns readable once its sockets are bound (or
``{"error": ...}``).  The zygote exits when its socket closes and dies with
its parent (``PR_SET_PDEATHSIG``); every kernel dies with the zygote.
"""
from __future__ import annotations

import atexit
import ctypes
import importlib
import json
import os
import resource
import signal
import socket
import sys
import traceback

# Modules every kernel imports anyway (ipykernel itself; the notebook's first cell
# through logicrm_edu).  Not logicrm_edu itself: importing it sets matplotlib's fonts,
# which a fresh kernel only has once the notebook imports it (0.09 s).
PRELOAD = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.iostream",
    "ipykernel.comm", "ipykernel.debugger", "IPython.core.interactiveshell",
    "IPython.core.completer",
    "numpy", "pandas", "openpyxl", "pandas.io.excel._openpyxl", "statistics", "tomllib",
    "matplotlib", "matplotlib.pyplot", "matplotlib.backends.backend_agg",
)
# Fonts whose files are parsed ahead (a cache only: no font setting changes).
WARM_FONTS = ("DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
_PR_SET_PDEATHSIG = 1
MAX_MESSAGE = 1 << 20


def die_with_parent(expected_parent: int) -> None:
    """Have the kernel send SIGKILL to this process when its parent exits (Linux);
    exit now if the parent is already gone."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the socket EOF still ends the zygote
        pass
    if os.getppid() != expected_parent:
        os._exit(70)


def warm_up(modules=PRELOAD) -> None:
    """Import ``modules`` and parse the usual font files, so kernels start with the
    imports done.  Changes no matplotlib setting and no pyplot state: only caches."""
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)  # as ipykernel sets it before imports
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # a missing optional module only costs speed
            pass
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
    fd, parent = int(argv[0]), int(argv[1])
    die_with_parent(parent)
    from .launch import forget_package
    forget_package()  # kernels import logicrm_edu themselves, as fresh kernels do
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the batch's business
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # kernels are reaped automatically
    channel = socket.socket(fileno=fd)
    warm_up()
    channel.send(json.dumps({"ready": os.getpid()}).encode())
    while True:
        try:
            data = channel.recv(MAX_MESSAGE)
        except (ConnectionError, OSError):
            break
        if not data:
            break
        request = json.loads(data)
        zygote = os.getpid()
        ready_read, ready_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(ready_read)
            _become_kernel(request, channel, zygote, ready_write)
        os.close(ready_write)
        reply, fds = {"pid": pid}, []
        try:
            fds = [os.pidfd_open(pid), ready_read]
        except OSError as error:  # already exited and reaped
            reply = {"pid": pid, "error": f"kernel exited at once: {error}"}
        socket.send_fds(channel, [json.dumps(reply).encode()], fds)
        for fd in {*fds, ready_read}:
            os.close(fd)
    return 0


def _become_kernel(request: dict, channel: socket.socket, zygote: int, ready: int) -> None:
    """In the forked child: turn into ``python -m ipykernel_launcher ARGV`` run in ``cwd``
    with ``env``; never returns.  Writes to ``ready`` once its sockets are bound, so
    the client connects at once instead of retrying on zmq's reconnect timer."""
    code = 1
    try:
        channel.close()
        os.setsid()  # as jupyter_client's launcher: own session, killpg reaches helpers
        die_with_parent(zygote)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        atexit._clear()  # the zygote's exit handlers are not the kernel's
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(zygote)
        _reseed_numpy()
        import ipykernel_launcher
        from ipykernel.kernelapp import IPKernelApp
        sys.argv = [ipykernel_launcher.__file__, *request["argv"]]
        app = IPKernelApp.instance(parent_handle=zygote)
        app.initialize(request["argv"])
        limit_memory(request.get("memory_limit_mb"))
        os.write(ready, b"1")
        os.close(ready)
        app.start()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        traceback.print_exc()
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


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space at its current size plus ``megabytes`` (the
    kernel's own libraries are not counted against the student's code)."""
    if not megabytes:
        return
    current = _virtual_size()
    limit = current + int(megabytes) * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _virtual_size() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
