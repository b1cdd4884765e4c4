"""The bubblewrap command that starts a sandbox: what the student's code can see.

Inside: the Python environment and the system libraries, read-only; a fresh
``/proc`` and ``/dev``; everything else read-only too, ``/tmp`` included (each
kernel writes only to its own home: anything shared by the kernels a sandbox
runs one after another could carry files from one student to the next); the
sandbox's own run folder (kernel connection files, the working copy being
handed in); no
network (only a loopback of its own), its own process, IPC and host-name
namespaces, and a user namespace in which the code runs as ``student``
(uid 1000) with no capabilities once a kernel starts and cannot make user
namespaces of its own.  Nothing else of the
machine exists in there: not the course folder, the gradebook, course.toml,
other students' work, the exchange or the teacher's home.

The zygote keeps ``CAP_SYS_ADMIN`` and ``CAP_SETPCAP`` inside the sandbox's
own user namespace (never outside it) so that it can give each kernel fresh
namespaces of its own and then drop every capability (:mod:`.isolation`).
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import site
import sys
from pathlib import Path

from .launch import PACKAGE_DIR

UID = GID = 1000
USER = "student"
HOME = "/home/student"
RUN_DIR = "/run/logicrm"  # where the sandbox sees its run folder
# The zygote's writable folders, in the run folder (never shown to kernels): matplotlib's
# (holding a copy of the grader's font list: without it every sandbox would spend seconds
# scanning the fonts again) and the temporary folder.
MPL_CONFIG, ZYGOTE_TMP = "mpl", "tmp"
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/localtime", "/etc/mime.types")
SYSTEM_TREES = ("/etc/ld.so.conf.d", "/etc/fonts", "/etc/alternatives")
# Teacher material a wheel may carry inside the package: hidden from students' code.
PACKAGE_PRIVATE = ("course_template", "autograder_kit")


class CourseVisible(RuntimeError):
    """The course folder lies inside a folder the sandbox must show (the Python
    environment): grading there would let students read it."""


def bwrap_executable() -> str | None:
    return shutil.which("bwrap")


def python_dirs() -> list[str]:
    """The folders Python needs: the installation, the virtualenv, the user's own
    site-packages and the folders their ``.pth`` files add (``pip install --user``, an
    environment layered on another), and the folder this package is imported from
    (each once, outermost first).  Not the rest of ``sys.path``: the grader's script
    folder or working folder must stay hidden."""
    sites = site.getsitepackages() + ([site.getusersitepackages()] if site.ENABLE_USER_SITE else [])
    candidates = [sys.base_prefix, sys.prefix, os.path.dirname(PACKAGE_DIR), *sites,
                  *(path for folder in sites for path in _pth_paths(folder))]
    return _outermost(os.path.realpath(path) for path in candidates if os.path.exists(path))


def _pth_paths(site_dir: str) -> list[str]:
    """The folders the ``.pth`` files of ``site_dir`` put on ``sys.path`` (as ``site`` does:
    one per line, relative to ``site_dir``; ``import`` lines and comments are code, not paths)."""
    paths = []
    for pth in sorted(glob.glob(os.path.join(site_dir, "*.pth"))):
        try:
            lines = Path(pth).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        paths += [os.path.join(site_dir, line.strip()) for line in lines
                  if line.strip() and not line.startswith(("#", "import ", "import\t"))]
    return paths


def _outermost(paths) -> list[str]:
    kept: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(_inside(path, outer) for outer in kept):
            kept.append(path)
    return kept


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def check_hidden(course_root, shown: list[str]) -> None:
    """Raise :class:`CourseVisible` if ``course_root`` is inside a folder the sandbox shows."""
    root = os.path.realpath(course_root)
    for folder in shown:
        if _inside(root, folder):
            raise CourseVisible(f"{root} ⊂ {folder}")


def font_cache_files() -> list[str]:
    """matplotlib's font-list caches (``fontlist-v*.json``) of the grading user."""
    folder = os.environ.get("MPLCONFIGDIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "matplotlib")
    return sorted(glob.glob(os.path.join(folder, "fontlist-v*.json")))


def _font_files_outside(caches: list[str], shown: list[str]) -> list[str]:
    """Font files the cache names that no shown folder holds (e.g. a teacher's ~/.fonts)."""
    found = set()
    for cache in caches:
        try:
            with open(cache, encoding="utf-8") as fh:
                listed = json.load(fh)
            entries = listed.get("ttflist", []) + listed.get("afmlist", [])
        except (OSError, ValueError, AttributeError, TypeError):
            continue
        for entry in entries:
            path = entry.get("fname") if isinstance(entry, dict) else None
            if path and os.path.isfile(path) and not any(_inside(path, d) for d in shown):
                found.add(path)
    return sorted(found)[:200]


def prepare_run_dir(run_dir: Path) -> None:
    """The zygote's writable folders in ``run_dir``, with the grader's font list."""
    (run_dir / ZYGOTE_TMP).mkdir(exist_ok=True)
    (run_dir / MPL_CONFIG).mkdir(exist_ok=True)
    for cache in font_cache_files():
        shutil.copyfile(cache, run_dir / MPL_CONFIG / os.path.basename(cache))


def zygote_environment() -> dict[str, str]:
    """The whole environment of a sandbox's zygote."""
    return {"HOME": f"{RUN_DIR}/{ZYGOTE_TMP}", "TMPDIR": f"{RUN_DIR}/{ZYGOTE_TMP}",
            "MPLCONFIGDIR": f"{RUN_DIR}/{MPL_CONFIG}", "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8", "PYTHONNOUSERSITE": "1", "PYTHONDONTWRITEBYTECODE": "1",
            "OPENBLAS_NUM_THREADS": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def write_identity(run_dir: Path) -> tuple[Path, Path]:
    """/etc/passwd and /etc/group for the sandbox: the student user only."""
    etc = run_dir / "etc"
    etc.mkdir(exist_ok=True)
    passwd, group = etc / "passwd", etc / "group"
    passwd.write_text(f"{USER}:x:{UID}:{GID}:{USER}:{HOME}:/bin/sh\n", encoding="utf-8")
    group.write_text(f"{USER}:x:{GID}:\n", encoding="utf-8")
    return passwd, group


def sandbox_command(bwrap: str, run_dir: Path, *, course_root=None) -> list[str]:
    """The ``bwrap`` arguments (up to ``--``) of a sandbox whose run folder is ``run_dir``
    (shown read-write at :data:`RUN_DIR`)."""
    shown = python_dirs()
    if course_root is not None:
        check_hidden(course_root, shown + [str(run_dir)])
    if any(_inside(folder, HOME) for folder in shown):  # each kernel mounts its home there
        raise CourseVisible(f"{HOME} ⊃ {[f for f in shown if _inside(f, HOME)]}")
    passwd, group = write_identity(run_dir)
    prepare_run_dir(run_dir)
    args = [bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
            "--new-session",
            "--uid", str(UID), "--gid", str(GID), "--hostname", "sandbox",
            "--cap-drop", "ALL", "--cap-add", "CAP_SYS_ADMIN", "--cap-add", "CAP_SETPCAP",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--dir", HOME]
    for path in SYSTEM_DIRS:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    for path in SYSTEM_FILES + SYSTEM_TREES:
        args += ["--ro-bind-try", path, path]
    args += ["--ro-bind", str(passwd), "/etc/passwd", "--ro-bind", str(group), "/etc/group"]
    for path in shown:
        if not any(_inside(path, d) for d in SYSTEM_DIRS if os.path.isdir(d)):
            args += ["--ro-bind", path, path]
    for name in PACKAGE_PRIVATE:
        private = os.path.join(os.path.realpath(PACKAGE_DIR), name)
        if os.path.isdir(private):
            args += ["--tmpfs", private]
    for font in _font_files_outside(font_cache_files(), shown + list(SYSTEM_DIRS)):
        args += ["--ro-bind", font, font]
    # nothing written outside a kernel's own home may outlive the kernel: the root,
    # /dev and /tmp of the sandbox are shared by the kernels it runs one after another
    args += ["--bind", str(run_dir), RUN_DIR, "--remount-ro", "/tmp", "--remount-ro", "/dev",
             "--remount-ro", "/", "--chdir", "/"]
    return args
