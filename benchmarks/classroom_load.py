"""The classroom under load: a whole class logs in at once and runs the assignment.

A fresh course (``logicrm init``, a roster of N students, ``logicrm release
abc_tiering``) gets a real classroom (``start_classroom``, 127.0.0.1 only).  Then N
simulated students, one thread each, at the same moment:

1. log in through the hub's login form (their initial password from the account store);
2. start their server through the hub's REST API with their own session (the hub's
   XSRF cookie, as JupyterLab's hub page does; no admin token is needed), follow the
   spawn's progress stream until the hub says ready, and open ``/lab`` (the server's
   OAuth round trip);
3. wait for the whole class (a barrier), so every notebook runs at once: the worst
   minute of a lesson, when the teacher says "Run All";
4. fetch the assignment through nbgrader's Assignments tab (the course exchange),
   upload their own data file (``handout/<id>/``) beside it, open a notebook session
   (a kernel in the notebook's folder) and run every code cell of the release notebook
   with the reference answers (``autograder/abc_tiering/submissions.toml``, ``correct_reference``)
   as a websocket ``execute_request``, one after another, like Run All.
   ``--think S`` paces a class instead: a student waits a random 0..2S seconds before
   each cell.

Printed side by side for each class size (``--steps`` plus ``--students``; each size
on a freshly started classroom, cold servers): login, spawn, lab-open, fetch and
kernel-start latency (p50/p95), cell latency under load (p50/p95/max, and how many
cells raised), memory per student after the run (RSS and PSS summed over the
student's Unix user's processes: server and kernel, read from /proc; PSS shares
libraries fairly between students, RSS counts them in full for each) and the CPU
seconds each student's processes used.  Then the largest class this machine holds
with p95 cell latency under 2 s: measured when a measured size fails it, otherwise
extrapolated (a straight line through the measured p95s, and the memory bound) and
labelled so.

Everything runs on loopback.  Every step is bounded (``--timeout`` seconds per class
size); whatever happens, the classroom is stopped and the Unix users it made are
removed (try/finally).  Needs root, like ``logicrm classroom start``.

Usage: sudo .venv/bin/python benchmarks/classroom_load.py [--students 40] [--steps 10,20]
       [--timeout 900] [--think 0]
"""
from __future__ import annotations

import argparse
import base64
import json
import math
import os
import random
import secrets
import shutil
import socket
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import numpy as np
import requests
import websocket
from click.testing import CliRunner

from logicrm_edu import cli
from logicrm_edu.classroom import start_classroom, stop_classroom
from logicrm_edu.classroom.accounts import load_accounts
from logicrm_edu.classroom.paths import classroom_paths
from logicrm_edu.classroom.users import remove_student_user, unix_user
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[1]
ASSIGNMENT = "abc_tiering"
ANSWERS = "correct_reference"
TEACHER = "wanglaoshi"
P95_LIMIT = 2.0                  # seconds: the cell latency a class still calls "instant"
MACHINE_MEMORY = 24 * 2 ** 30    # this machine
RESERVED_MEMORY = 2 * 2 ** 30    # the system, the hub and the proxy


# --- the course -----------------------------------------------------------------------

def _invoke(*args) -> None:
    result = CliRunner().invoke(cli.main, [str(a) for a in args])
    if result.exit_code != 0:
        raise RuntimeError(f"logicrm {' '.join(map(str, args))}: {result.output}")


def make_course(folder: Path, n: int) -> tuple[Path, list[str]]:
    """A course like tests/cli/conftest.py's, with ``n`` students whose 学号 no user of
    this machine has, and a classroom section (homes under ``folder``)."""
    course = folder / "course"
    _invoke("init", course)
    stem = "96" + str(secrets.randbelow(10 ** 4)).zfill(4)
    ids = [f"{stem}{i:03d}" for i in range(1, n + 1)]
    roster = folder / "roster.csv"
    roster.write_text("学号,姓名,班级,小组\n" + "".join(
        f"{sid},学生{i:03d},物流2301,{i % 8 + 1}\n" for i, sid in enumerate(ids, 1)), encoding="utf-8")
    _invoke("roster", "import", roster, "--course", course)
    with open(course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write(f'\n[classroom]\nteachers = ["{TEACHER}"]\nhomes = "{folder / "homes"}"\n')
    _invoke("release", ASSIGNMENT, "--course", course)
    return course, ids


def code_cells(course: Path, sid: str) -> list[str]:
    """The code a student with the reference answers runs, cell by cell."""
    specs = load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")
    release = nbformat.read(course / "handout" / sid / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    return [c.source for c in build_submission(release, resolved(specs, ANSWERS)).cells
            if c.cell_type == "code" and c.source.strip()]


# --- one student ------------------------------------------------------------------------

@dataclass
class StudentRun:
    """What one simulated student waited for (seconds); ``failed`` names the first step
    that did not succeed."""

    sid: str
    login: float | None = None
    spawn: float | None = None       # POST server → the hub says ready
    lab: float | None = None         # /lab answered (OAuth with the hub included)
    fetch: float | None = None       # nbgrader fetch through the Assignments tab (None: failed)
    kernel: float | None = None      # notebook session → the kernel answers
    cells: list[float] = field(default_factory=list)
    cell_errors: list[str] = field(default_factory=list)
    failed: str | None = None


class Deadline:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self, cap: float = 600.0) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError("--timeout reached")
        return min(left, cap)


class Student:
    """A student's browser: the hub's login form, the hub's REST API, the server's
    REST API and a kernel's websocket."""

    def __init__(self, url: str, sid: str, deadline: Deadline):
        self.url, self.sid, self.deadline = url, sid, deadline
        self.session = requests.Session()

    def _xsrf(self, path: str) -> dict:
        return {"X-XSRFToken": self.session.cookies.get("_xsrf", path=path) or ""}

    def log_in(self, password: str) -> None:
        self.session.get(self.url + "hub/login", timeout=self.deadline.left(60))
        answer = self.session.post(self.url + "hub/login?next=/hub/home", allow_redirects=False,
                                   data={"username": self.sid, "password": password,
                                         "_xsrf": self.session.cookies["_xsrf"]},
                                   timeout=self.deadline.left(60))
        if answer.status_code != 302:
            raise RuntimeError(f"login: HTTP {answer.status_code}")

    def start_server(self) -> float:
        """Seconds until the hub says the server is ready."""
        started = time.perf_counter()
        api = self.url + f"hub/api/users/{self.sid}/server"
        answer = self.session.post(api, headers=self._xsrf("/hub/"), timeout=self.deadline.left(60))
        if answer.status_code not in (201, 202):
            raise RuntimeError(f"spawn: HTTP {answer.status_code} {answer.text[:200]}")
        if answer.status_code == 202:  # pending: follow the progress stream, as the spawn page does
            with self.session.get(api + "/progress", headers=self._xsrf("/hub/"), stream=True,
                                  timeout=self.deadline.left(60)) as events:
                for line in events.iter_lines(decode_unicode=True):
                    if line and line.startswith("data:"):
                        event = json.loads(line[5:])
                        if event.get("ready"):
                            break
                        if event.get("failed"):
                            raise RuntimeError(f"spawn failed: {event.get('message')}")
                    self.deadline.left()
                else:
                    raise RuntimeError("spawn: progress stream ended before ready")
        return time.perf_counter() - started

    def user_url(self, path: str) -> str:
        return self.url + f"user/{self.sid}/{path}"

    def user_headers(self) -> dict:
        return self._xsrf(f"/user/{self.sid}/")

    def open_lab(self) -> None:
        answer = self.session.get(self.user_url("lab"), timeout=self.deadline.left(120))
        if answer.status_code != 200:
            raise RuntimeError(f"lab: HTTP {answer.status_code}")

    def fetch(self, course_id: str) -> bool:
        answer = self.session.post(self.user_url("assignments/fetch"), headers=self.user_headers(),
                                   data={"course_id": course_id, "assignment_id": ASSIGNMENT},
                                   timeout=self.deadline.left(120))
        return answer.status_code == 200 and bool(answer.json().get("success"))

    def put_file(self, path: str, data: bytes, *, notebook: bool = False) -> None:
        body = ({"type": "notebook", "content": json.loads(data)} if notebook else
                {"type": "file", "format": "base64", "content": base64.b64encode(data).decode()})
        answer = self.session.put(self.user_url(f"api/contents/{path}"), json=body,
                                  headers=self.user_headers(), timeout=self.deadline.left(120))
        if answer.status_code not in (200, 201):
            raise RuntimeError(f"upload {path}: HTTP {answer.status_code}")

    def open_kernel(self, notebook: str) -> websocket.WebSocket:
        """A notebook session's kernel (working folder: the notebook's), ready to run."""
        answer = self.session.post(self.user_url("api/sessions"), headers=self.user_headers(),
                                   json={"path": notebook, "type": "notebook",
                                         "name": Path(notebook).name, "kernel": {"name": "python3"}},
                                   timeout=self.deadline.left(120))
        if answer.status_code != 201:
            raise RuntimeError(f"session: HTTP {answer.status_code} {answer.text[:200]}")
        kernel = answer.json()["kernel"]["id"]
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies
                            if c.path in ("/", f"/user/{self.sid}/"))
        channel = websocket.create_connection(
            self.user_url(f"api/kernels/{kernel}/channels").replace("http", "ws", 1),
            cookie=cookies, header=self.user_headers(), suppress_origin=True,
            timeout=self.deadline.left(120))
        self.request(channel, "kernel_info_request", {})
        return channel

    def request(self, channel: websocket.WebSocket, kind: str, content: dict) -> str | None:
        """Send a shell request and wait until the kernel is idle again; the error's name
        if the request raised."""
        msg_id = uuid.uuid4().hex
        channel.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.sid, "session": uuid.uuid4().hex,
                       "msg_type": kind, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": content}))
        error = None
        while True:
            channel.settimeout(self.deadline.left(120))
            message = json.loads(channel.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "error":
                error = message["content"]["ename"]
            elif message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                return error

    def execute(self, channel: websocket.WebSocket, code: str) -> str | None:
        return self.request(channel, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": False})


def simulate(url: str, sid: str, password: str, cells: list[str], data: bytes, course_id: str,
             class_ready: threading.Barrier, deadline: Deadline, think: float) -> StudentRun:
    """One student's lesson; failure is data (``failed``), never an exception."""
    run, student = StudentRun(sid), Student(url, sid, deadline)
    step, arrived = "login", False
    try:
        started = time.perf_counter()
        student.log_in(password)
        run.login = time.perf_counter() - started
        step = "spawn"
        run.spawn = student.start_server()
        step = "lab"
        started = time.perf_counter()
        student.open_lab()
        run.lab = time.perf_counter() - started
        arrived = True
        try:
            class_ready.wait(deadline.left())
        except threading.BrokenBarrierError:
            pass  # a classmate failed or the wait timed out: run anyway
        step = "fetch"
        folder = f"{course_id}/{ASSIGNMENT}"
        started = time.perf_counter()
        fetched = student.fetch(course_id)
        run.fetch = time.perf_counter() - started
        if not fetched:  # counted; the notebook is uploaded instead, so the run goes on
            run.fetch = None
            for part in (course_id, folder):
                student.session.put(student.user_url(f"api/contents/{part}"), json={"type": "directory"},
                                    headers=student.user_headers(), timeout=deadline.left(60))
            student.put_file(f"{folder}/{ASSIGNMENT}.ipynb",
                             nbformat.writes(nbformat.v4.new_notebook()).encode(), notebook=True)
        student.put_file(f"{folder}/customers.xlsx", data)
        step = "kernel"
        started = time.perf_counter()
        channel = student.open_kernel(f"{folder}/{ASSIGNMENT}.ipynb")
        run.kernel = time.perf_counter() - started
        step = "cells"
        try:
            for code in cells:
                if think:
                    time.sleep(min(random.uniform(0, 2 * think), deadline.left()))
                started = time.perf_counter()
                error = student.execute(channel, code)
                run.cells.append(time.perf_counter() - started)
                if error:
                    run.cell_errors.append(error)
        finally:
            channel.close()
    except Exception as exc:  # noqa: BLE001 - a student's failure is a result
        run.failed = f"{step}: {type(exc).__name__}: {str(exc)[:120]}"
        if not arrived:  # the class still waits for everyone before running
            try:
                class_ready.wait(max(deadline.end - time.monotonic(), 0))
            except threading.BrokenBarrierError:
                pass
    return run


# --- the machine ----------------------------------------------------------------------

def processes_of(uid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if proc.stat().st_uid == uid:
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def memory_of(pids) -> tuple[int, int, float]:
    """RSS and PSS (bytes) and CPU seconds used, summed over ``pids``."""
    rss = pss = 0
    ticks = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in ("Rss", "Pss"):
                    kib = int(value.split()[0]) * 1024
                    rss, pss = (rss + kib, pss) if name == "Rss" else (rss, pss + kib)
            ticks += sum(int(x) for x in Path(f"/proc/{pid}/stat").read_text()
                         .rsplit(")", 1)[1].split()[11:15])  # utime stime cutime cstime
        except (OSError, ValueError, IndexError):
            continue
    return rss, pss, ticks / os.sysconf("SC_CLK_TCK")


def hub_pids(course: Path) -> list[int]:
    """The hub and its proxy."""
    hub = classroom_paths(course).hub
    pids = []
    for name in ("jupyterhub.pid", "proxy.pid"):
        try:
            pids.append(int((hub / name).read_text().strip()))
        except (OSError, ValueError):
            continue
    return pids


# --- one class size -------------------------------------------------------------------

@dataclass
class ClassRun:
    n: int
    runs: list[StudentRun]
    wall: float                      # seconds from "everyone logs in" to the last cell
    memory: list[tuple[int, int, float]]  # per student: RSS, PSS, CPU seconds
    hub_memory: tuple[int, int, float]

    def values(self, name: str) -> list[float]:
        return [getattr(r, name) for r in self.runs if getattr(r, name) is not None]

    @property
    def cells(self) -> list[float]:
        return [t for r in self.runs for t in r.cells]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_class(course: Path, ids: list[str], timeout: float, think: float) -> ClassRun:
    """Start the classroom, let ``ids`` work at once, measure, stop it (whatever happens)."""
    deadline = Deadline(timeout)
    url = start_classroom(course, port=_free_port())
    try:
        accounts = load_accounts(classroom_paths(course).accounts)
        course_id = next((course / "exchange").iterdir()).name
        work = {sid: (code_cells(course, sid),
                      (course / "handout" / sid / ASSIGNMENT / "customers.xlsx").read_bytes())
                for sid in ids}
        class_ready = threading.Barrier(len(ids))
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=len(ids)) as pool:
            futures = [pool.submit(simulate, url, sid, accounts[sid].initial, *work[sid], course_id,
                                   class_ready, deadline, think) for sid in ids]
            runs = [f.result() for f in futures]
        wall = time.perf_counter() - started
        memory = [memory_of(processes_of(unix_user(sid).pw_uid)) for sid in ids]
        return ClassRun(len(ids), runs, wall, memory, memory_of(hub_pids(course)))
    finally:
        stop_classroom(course)


# --- figures --------------------------------------------------------------------------

def pct(values, q: float) -> float:
    return float(np.percentile(values, q)) if values else math.nan


def mib(n: float) -> float:
    return n / 2 ** 20


def print_table(classes: list[ClassRun], think: float) -> None:
    width = 22
    head = "".join(f"{f'N={c.n}':>{width}}" for c in classes)
    pace = "Run All at once" if not think else f"a random 0..{2 * think:g} s before each cell"
    print(f"classroom under load on 127.0.0.1 ({os.cpu_count()} cores, "
          f"{MACHINE_MEMORY / 2 ** 30:.0f} GiB), reference answers, {pace}")
    print(f"{'':<34}{head}")

    def row(label: str, cell) -> None:
        print(f"{label:<34}" + "".join(f"{cell(c):>{width}}" for c in classes))

    def latency(name):
        return lambda c: (f"{pct(c.values(name), 50):.2f} / {pct(c.values(name), 95):.2f} s"
                          if c.values(name) else "-")

    row("students who finished every cell", lambda c: f"{sum(r.failed is None and len(r.cells) > 0 for r in c.runs)}/{c.n}")
    row("login p50 / p95", latency("login"))
    row("spawn p50 / p95", latency("spawn"))
    row("lab opens p50 / p95", latency("lab"))
    row("fetch p50 / p95", latency("fetch"))
    row("kernel start p50 / p95", latency("kernel"))
    row("cell latency p50 / p95", lambda c: f"{pct(c.cells, 50):.2f} / {pct(c.cells, 95):.2f} s")
    row("cell latency max", lambda c: f"{max(c.cells, default=math.nan):.2f} s")
    row("cells run / raised", lambda c: f"{len(c.cells)} / {sum(len(r.cell_errors) for r in c.runs)}")
    row("whole lesson (login→last cell)", lambda c: f"{c.wall:.1f} s")
    row("memory/student RSS med / max", lambda c: f"{mib(statistics_median([m[0] for m in c.memory])):.0f} / "
                                                  f"{mib(max(m[0] for m in c.memory)):.0f} MiB")
    row("memory/student PSS med / max", lambda c: f"{mib(statistics_median([m[1] for m in c.memory])):.0f} / "
                                                  f"{mib(max(m[1] for m in c.memory)):.0f} MiB")
    row("CPU/student (server+kernel)", lambda c: f"{statistics_median([m[2] for m in c.memory]):.1f} s")
    row("hub + proxy RSS", lambda c: f"{mib(c.hub_memory[0]):.0f} MiB")
    failures = [(c.n, r.sid, r.failed) for c in classes for r in c.runs if r.failed]
    fetch_failed = [(c.n, r.sid) for c in classes for r in c.runs if r.fetch is None and r.kernel]
    for n, sid, why in failures[:10]:
        print(f"  N={n} {sid}: {why}")
    if fetch_failed:
        print(f"  fetch through the exchange failed for {len(fetch_failed)} student(s) "
              f"(notebook uploaded instead)")


def statistics_median(values) -> float:
    return float(np.median(values)) if values else math.nan


def largest_class(classes: list[ClassRun]) -> None:
    """The largest class with p95 cell latency under P95_LIMIT: measured, or extrapolated
    (said so) from the measured points and the memory per student."""
    points = dict(sorted((c.n, pct(c.cells, 95)) for c in classes if c.cells))
    if not points:
        print("largest class: no cell ran")
        return
    pss = max(statistics_median([m[1] for m in c.memory]) for c in classes)
    by_memory = int((MACHINE_MEMORY - RESERVED_MEMORY) // pss) if pss else 0
    print(f"largest class with p95 cell latency < {P95_LIMIT:g} s:")
    print("  measured p95 by class size: "
          + ", ".join(f"N={n}: {p95:.2f} s" for n, p95 in points.items()))
    failing = [n for n, p95 in points.items() if p95 >= P95_LIMIT]
    if failing:
        first_fail = min(failing)
        passing = [n for n, p95 in points.items() if p95 < P95_LIMIT and n < first_fail]
        print(f"  MEASURED: {max(passing) if passing else 'no size run'} passes, {first_fail} fails")
        if passing:
            n0, n1 = max(passing), first_fail
            edge = n0 + (P95_LIMIT - points[n0]) * (n1 - n0) / (points[n1] - points[n0])
            print(f"  INTERPOLATED between them (straight line): about {int(edge)} students")
    elif len(points) < 2:
        n, p95 = next(iter(points.items()))
        print(f"  MEASURED: {n} passes (p95 {p95:.2f} s); run two sizes or more (--steps) "
              f"to extrapolate")
    else:
        slope, intercept = np.polyfit(list(points), list(points.values()), 1)
        by_latency = int((P95_LIMIT - intercept) / slope) if slope > 0 else None
        print(f"  MEASURED: every size run passes (largest {max(points)})")
        print(f"  EXTRAPOLATED (straight line p95 = {intercept:.3f} + {slope:.4f} s x N through "
              f"{len(points)} measured points): p95 reaches {P95_LIMIT:g} s at N = "
              f"{by_latency if by_latency else 'never on this line'}")
        bound = min(b for b in (by_latency, by_memory) if b)
        print(f"  => about {bound} students (extrapolated, not measured)")
    print(f"  memory bound (EXTRAPOLATED): ({MACHINE_MEMORY / 2 ** 30:.0f} GiB - "
          f"{RESERVED_MEMORY / 2 ** 30:.0f} GiB for the system and hub) / {mib(pss):.0f} MiB PSS "
          f"per student = {by_memory} students")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40, help="the largest class size run")
    parser.add_argument("--steps", default="10,20",
                        help="smaller class sizes run first, comma-separated ('' for none)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per class size")
    parser.add_argument("--think", type=float, default=0,
                        help="mean seconds a student waits before each cell (0: Run All)")
    args = parser.parse_args()
    if os.geteuid() != 0:
        parser.error("needs root, like `logicrm classroom start` (it makes Unix users)")
    sizes = sorted({int(s) for s in args.steps.split(",") if s.strip()} | {args.students})
    sizes = [n for n in sizes if 0 < n <= args.students]
    folder = Path(tempfile.mkdtemp(prefix="logicrm-load-", dir="/tmp"))
    folder.chmod(0o711)  # students' servers pass through it to their homes and the exchange
    ids: list[str] = []
    try:
        started = time.perf_counter()
        course, ids = make_course(folder, max(sizes))
        print(f"course with {len(ids)} students made and released in "
              f"{time.perf_counter() - started:.1f} s ({folder})")
        classes = []
        for n in sizes:
            started, before = time.perf_counter(), _load()
            classes.append(run_class(course, ids[:n], args.timeout, args.think))
            # the machine may be shared: its load before and after says how much
            print(f"  N={n}: done in {time.perf_counter() - started:.0f} s (start to stop); "
                  f"load average before {before}, after {_load()}", flush=True)
        print()
        print_table(classes, args.think)
        print()
        largest_class(classes)
    finally:
        if ids:
            stop_classroom(folder / "course")
        for sid in ids:
            remove_student_user(sid)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
