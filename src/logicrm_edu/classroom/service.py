"""Starting, stopping and looking at the course's hub (``logicrm classroom``).

The hub runs in the background as root (it starts each student's server as that
student's Unix user); its pid, URL and ports are in ``.classroom/hub/service.json``.
Stopping sends it SIGTERM: JupyterHub then stops the proxy and every server itself;
any of those still alive afterwards is stopped by its own pid.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .errors import ClassroomError
from .hub_config import HubAddress, proxy_command, write_hub_config
from .paths import ClassroomPaths, classroom_paths, make_state_dirs

START_TIMEOUT = 60.0
# JupyterHub gives its proxy 10 s to answer and exits otherwise: on a machine under heavy
# load that can happen once, so a hub that exits while starting is started once more.
START_ATTEMPTS = 2
STOP_TIMEOUT = 30.0


@dataclass(frozen=True)
class ClassroomStatus:
    running: bool
    url: str | None = None
    pid: int | None = None
    lan: bool = False
    log: Path | None = None


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie of ours has exited
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def _is_hub(pid: int) -> bool:
    """The pid still belongs to a jupyterhub (pids are reused)."""
    try:
        return b"jupyterhub" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _read_service(paths: ClassroomPaths) -> dict:
    try:
        return json.loads(paths.service.read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def classroom_status(course_dir) -> ClassroomStatus:
    """Whether the course's hub runs, and where."""
    paths = classroom_paths(course_dir)
    service = _read_service(paths)
    pid = service.get("pid")
    if not (_alive(pid) and _is_hub(pid)):
        return ClassroomStatus(False, log=paths.log if paths.log.exists() else None)
    return ClassroomStatus(True, service["url"], pid, service.get("lan", False), paths.log)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _port_taken(ip: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((ip, port))
        except OSError:
            return True
    return False


def _check_machine() -> None:
    if sys.platform != "linux":
        raise ClassroomError("classroom.linux_only")
    if os.geteuid() != 0:
        raise ClassroomError("classroom.need_root")
    if not proxy_command().exists():
        raise ClassroomError("classroom.no_proxy", path=proxy_command())
    if shutil.which("bwrap") is None:  # students' servers start through it
        raise ClassroomError("classroom.no_bwrap")
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        raise ClassroomError("classroom.no_jupyterhub") from None


def prepare_classroom(course_dir):
    """Everything but the hub process: state folders, the course folder's rights, both
    roles' settings, students' Unix users and accounts.  Returns the sync's result."""
    from .course_access import NoAcl, Unreachable, open_exchange_only
    from .lab_settings import write_role_settings
    from .sync import sync_hub_users

    paths = classroom_paths(course_dir)
    make_state_dirs(paths)
    write_role_settings(paths)
    try:
        open_exchange_only(paths)
    except Unreachable as exc:
        raise ClassroomError("classroom.unreachable", folder=exc.folder, course=paths.course) from None
    except NoAcl:
        raise ClassroomError("classroom.no_acl") from None
    return sync_hub_users(paths.course, create=True)


def start_classroom(course_dir, *, port: int = 8000, lan: bool = False,
                    timeout: float = START_TIMEOUT, on_prepared=None) -> str:
    """Start the course's hub in the background and return its URL once it answers.

    Parameters
    ----------
    course_dir : path
        The course folder (with ``nbgrader_config.py``).
    port : int
        The port students' browsers use.
    lan : bool
        Listen on every network interface (the school LAN) instead of 127.0.0.1 only.
    timeout : float
        Seconds to wait for the hub to answer.
    on_prepared : callable, optional
        Called with the accounts sync's result (new teachers' passwords…) before the
        hub starts.

    Raises
    ------
    ClassroomError
        Already running, not root, port taken, set-up missing, or the hub did not start
        (the message names its log).
    """
    _check_machine()
    paths = classroom_paths(course_dir)
    status = classroom_status(paths.course)
    if status.running:
        raise ClassroomError("classroom.already_running", url=status.url)
    ip = "0.0.0.0" if lan else "127.0.0.1"
    if _port_taken(ip, port):
        raise ClassroomError("classroom.port_taken", port=port)
    synced = prepare_classroom(paths.course)
    if on_prepared is not None:
        on_prepared(synced)
    from .settings import classroom_settings

    teachers = classroom_settings(paths.course).teachers
    url = f"http://{'127.0.0.1' if not lan else socket.gethostname()}:{port}/"
    for attempt in range(START_ATTEMPTS):
        config = write_hub_config(paths, HubAddress(ip, port, _free_port(), _free_port()), teachers)
        hub, log_start = _launch(paths, config)
        paths.service.write_text(json.dumps({"pid": hub.pid, "url": url, "port": port, "lan": lan}),
                                 encoding="utf-8")
        try:
            _wait_until_up(hub, port, timeout, paths, log_start)
            return url
        except ClassroomError as failed:
            _stop_proxy(paths)
            if failed.key != "classroom.start_failed" or attempt + 1 == START_ATTEMPTS:
                raise


def _launch(paths: ClassroomPaths, config: Path) -> tuple[subprocess.Popen, int]:
    """The hub in the background, its output appended to the log; where its output starts."""
    paths.log.touch()
    log_start = paths.log.stat().st_size
    bin_dir = Path(sys.prefix) / "bin"
    with open(paths.log, "ab") as log:
        hub = subprocess.Popen([str(bin_dir / "jupyterhub"), "-f", str(config)], cwd=paths.hub,
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True,
                               env={**os.environ, "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}"})
    return hub, log_start


def _log_tail(paths: ClassroomPaths, start: int, lines: int = 12) -> str:
    with open(paths.log, "rb") as log:
        log.seek(start)
        text = log.read().decode("utf-8", "replace")
    return "\n".join("  " + line for line in text.splitlines()[-lines:])


def _wait_until_up(hub: subprocess.Popen, port: int, timeout: float, paths: ClassroomPaths,
                   log_start: int) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.poll() is not None:
            raise ClassroomError("classroom.start_failed", log=paths.log,
                                 tail=_log_tail(paths, log_start))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/api/", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    _stop_pid(hub.pid, STOP_TIMEOUT)
    raise ClassroomError("classroom.start_timeout", seconds=int(timeout), log=paths.log,
                         tail=_log_tail(paths, log_start))


def _stop_pid(pid: int, timeout: float) -> None:
    """SIGTERM, then SIGKILL after ``timeout`` seconds."""
    if not _alive(pid):
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _reap(pid)
        if not _alive(pid):
            return
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)
    _reap(pid)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def _server_pids(paths: ClassroomPaths) -> list[int]:
    """The pids of single-user servers the hub's database remembers."""
    db = paths.hub / "jupyterhub.sqlite"
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT state FROM spawners").fetchall()
    pids = []
    for (state,) in rows:
        try:
            pids.append(int(json.loads(state or "{}").get("pid") or 0))
        except (ValueError, TypeError, AttributeError):
            continue
    return [pid for pid in pids if pid]


def stop_classroom(course_dir, *, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the course's hub, its proxy and every student's server.  False when it
    was not running.  Students' work stays in their homes."""
    paths = classroom_paths(course_dir)
    status = classroom_status(paths.course)
    if status.running:
        servers = _server_pids(paths)  # before the hub forgets them
        _stop_pid(status.pid, timeout)
        for pid in servers:
            if b"jupyterhub-singleuser" in _cmdline(pid):  # not a reused pid
                _stop_pid(pid, 5)
    _stop_proxy(paths)
    paths.service.unlink(missing_ok=True)
    return status.running


def _stop_proxy(paths: ClassroomPaths) -> None:
    """The proxy a hub left behind (it had to stop it itself)."""
    proxy = paths.hub / "proxy.pid"
    if proxy.exists():
        try:
            pid = int(proxy.read_text().strip())
        except ValueError:
            pid = 0
        if pid and b"configurable-http-proxy" in _cmdline(pid):
            _stop_pid(pid, 5)
        proxy.unlink(missing_ok=True)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
