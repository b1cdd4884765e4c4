"""Collecting submissions: from nbgrader's exchange and from files downloaded from an LMS.

``<course>/submitted/<id>/<assignment>/`` gets the notebook (under the release
notebook's name, as nbgrader expects), files the student uploaded beside it,
the student's data file from their handout when the upload lacks it, and
``timestamp.txt`` in nbgrader's format (UTC).

LMS files (a zip or a folder) are matched to the roster by the student id or
the Chinese name in the file or folder names (``20230101_张三_abc_tiering.ipynb``,
``张三/abc_tiering.ipynb``).  Nothing a teacher does here loses work:

- an existing submission that is as new as the file, or newer, is kept;
- an older existing submission that is replaced is moved to
  ``<course>/submitted_replaced/<id>/<assignment>/<time>/``, never deleted;
- of several files of one student the newest is used; the others
  (duplicates), files matching nobody or several students, and notebooks that
  are not valid JSON are copied to ``<course>/lms_unmatched/<assignment>/<time>/``
  and listed in the report.

A file's time is its zip entry time or, in a folder, its modification time
(local time); it is late when it is after the deadline (``--deadline``, else
the assignment's due date in the gradebook).
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import nbformat

from .release import check_assignment
from .safe_files import staging_dir, swap_in, write_bytes

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"  # nbgrader's Exchange.timestamp_format
SUBMITTED, REPLACED, UNMATCHED = "submitted", "submitted_replaced", "lms_unmatched"
_JUNK = ("__MACOSX", ".DS_Store", ".ipynb_checkpoints", "Thumbs.db", "desktop.ini")
_SEPARATORS = re.compile(r"[\s_\-—.·,，、()（）\[\]【】+#]+")


@dataclass
class Upload:
    """One file from the LMS download."""

    path: str
    """Its path inside the zip or folder (shown in the report)."""
    data: bytes
    time: datetime
    """When it was uploaded (aware)."""


@dataclass
class Outcome:
    """One line of the collect report."""

    file: str
    status: str
    """collected | kept_existing | duplicate | unmatched | ambiguous | corrupt | ignored | exchange"""
    student: str = ""
    time: datetime | None = None
    late: bool = False
    detail: str = ""


@dataclass
class CollectReport:
    assignment: str
    outcomes: list[Outcome] = field(default_factory=list)
    not_in_roster: list[str] = field(default_factory=list)
    """Students with a submitted folder (e.g. from the exchange) who are not in the roster."""
    set_aside: Path | None = None

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def late(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.late and o.status in ("collected", "exchange")]


def timestamp_text(when: datetime) -> str:
    """``when`` in nbgrader's timestamp.txt format, in UTC."""
    return when.astimezone(timezone.utc).strftime(TIMESTAMP_FORMAT)


def existing_timestamp(folder: Path) -> datetime | None:
    from nbgrader.utils import parse_utc

    stamp = folder / "timestamp.txt"
    if not stamp.is_file():
        return None
    try:
        return parse_utc(stamp.read_text(encoding="utf-8").strip()).replace(tzinfo=timezone.utc)
    except (ValueError, OverflowError):
        return None


# reading an LMS download -------------------------------------------------------------

def read_uploads(source) -> list[Upload]:
    """Every file of a zip or folder, junk (macOS metadata, Office lock files) skipped."""
    source = Path(source)
    uploads = []
    if source.is_dir():
        for item in sorted(source.rglob("*")):
            if item.is_file():
                when = datetime.fromtimestamp(item.stat().st_mtime).astimezone()
                uploads.append(Upload(item.relative_to(source).as_posix(), item.read_bytes(), when))
    else:
        with zipfile.ZipFile(source) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                name = _zip_name(info)
                uploads.append(Upload(name, zf.read(info), datetime(*info.date_time).astimezone()))
    return [u for u in uploads if not _junk(u.path)]


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Entry name; Windows zip tools store Chinese names in GBK without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _junk(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(p in _JUNK or p.startswith("~$") or p.startswith("._") for p in parts)


# matching to the roster --------------------------------------------------------------

class RosterMatcher:
    """Finds the student a path names, by id (whole token or digit run) or by name."""

    def __init__(self, roster):
        """``roster``: (id, name) pairs."""
        self.ids = {str(sid) for sid, _ in roster}
        by_name: dict[str, set[str]] = {}
        for sid, name in roster:
            if name:
                by_name.setdefault(str(name), set()).add(str(sid))
        self.by_name = by_name

    def match(self, path: str) -> tuple[str | None, str]:
        """(student id or None, why: "" | "nobody" | "ambiguous" | "conflict")."""
        text = PurePosixPath(path).with_suffix("").as_posix()
        tokens = {t for part in text.split("/") for t in _SEPARATORS.split(part) if t}
        tokens |= set(re.findall(r"\d+", text))
        by_id = tokens & self.ids
        names = {n for n in self.by_name if n in tokens}
        if not names:  # a name written without separators, e.g. "张三abc"; the longest wins
            found = sorted((n for n in self.by_name if len(n) >= 2 and n in text), key=len)
            names = {found[-1]} if found else set()
        by_name = set().union(*(self.by_name[n] for n in names)) if names else set()
        if len(by_id) > 1:
            return None, "ambiguous"
        if by_id:
            sid = next(iter(by_id))
            if by_name and sid not in by_name:
                return None, "conflict"
            return sid, ""
        if len(by_name) == 1:
            return next(iter(by_name)), ""
        return None, "ambiguous" if by_name else "nobody"


# collecting -------------------------------------------------------------------------------

def release_notebooks(course_dir, assignment: str) -> list[str]:
    folder = Path(course_dir) / "release" / assignment
    if not folder.is_dir():
        folder = check_assignment(course_dir, assignment)
    return sorted(p.name for p in folder.glob("*.ipynb"))


def _target_notebook(path: str, notebooks: list[str]) -> str | None:
    if len(notebooks) == 1:
        return notebooks[0]
    stem = PurePosixPath(path).stem
    hits = sorted((n for n in notebooks if Path(n).stem in stem), key=len)
    return hits[-1] if hits else None


def _valid_notebook(data: bytes) -> str:
    """"" if ``data`` is a readable notebook, else the reason."""
    try:
        nbformat.reads(data.decode("utf-8-sig"), as_version=4)
    except Exception as exc:  # noqa: BLE001 - any unreadable notebook is reported, not raised
        return f"{type(exc).__name__}: {str(exc)[:120]}"
    return ""


def collect_uploads(course_dir, assignment: str, source, roster, *,
                    deadline: datetime | None = None, report: CollectReport | None = None,
                    now: datetime | None = None) -> CollectReport:
    """Collect an LMS download (zip or folder) into ``submitted/``; see the module docstring."""
    course_dir = Path(course_dir).resolve()
    check_assignment(course_dir, assignment)
    report = report or CollectReport(assignment)
    notebooks = release_notebooks(course_dir, assignment)
    matcher = RosterMatcher(roster)
    uploads = read_uploads(source)
    set_aside: list[Upload] = []
    # student → target notebook → candidate notebook uploads; folder → its other files
    candidates: dict[tuple[str, str], list[Upload]] = {}
    extras: dict[str, list[Upload]] = {}
    for upload in uploads:
        is_notebook = upload.path.lower().endswith(".ipynb")
        sid, why = matcher.match(upload.path)
        if not is_notebook:
            folder = str(PurePosixPath(upload.path).parent)
            if folder != "." and matcher.match(folder + "/x")[0]:
                extras.setdefault(folder, []).append(upload)
            else:
                report.outcomes.append(Outcome(upload.path, "ignored", sid or "", upload.time))
            continue
        if sid is None:
            report.outcomes.append(Outcome(upload.path, "unmatched", "", upload.time,
                                           detail=why))
            set_aside.append(upload)
            continue
        target = _target_notebook(upload.path, notebooks)
        if target is None:
            report.outcomes.append(Outcome(upload.path, "unmatched", sid, upload.time,
                                           detail="notebook"))
            set_aside.append(upload)
            continue
        problem = _valid_notebook(upload.data)
        if problem:
            report.outcomes.append(Outcome(upload.path, "corrupt", sid, upload.time, detail=problem))
            set_aside.append(upload)
            continue
        candidates.setdefault((sid, target), []).append(upload)

    deadline = deadline or due_date(course_dir, assignment)
    chosen: dict[str, list[tuple[str, Upload]]] = {}
    for (sid, target), ups in candidates.items():
        ups = sorted(ups, key=lambda u: u.time, reverse=True)
        chosen.setdefault(sid, []).append((target, ups[0]))
        for older in ups[1:]:
            report.outcomes.append(Outcome(older.path, "duplicate", sid, older.time,
                                           detail=ups[0].path))
            set_aside.append(older)
    for sid, picks in chosen.items():
        newest = max(u.time for _, u in picks)
        late = bool(deadline and newest > deadline)
        dest = course_dir / SUBMITTED / sid / assignment
        before = existing_timestamp(dest) if dest.exists() else None
        if dest.exists() and (before is None or before >= newest.astimezone(timezone.utc)):
            for _, upload in picks:
                report.outcomes.append(Outcome(upload.path, "kept_existing", sid, upload.time, late,
                                               detail=str(before or "")))
                set_aside.append(upload)
            continue
        staged = staging_dir(dest)
        for target, upload in picks:
            (staged / target).write_bytes(upload.data)
            for extra in extras.get(str(PurePosixPath(upload.path).parent), []):
                name = PurePosixPath(extra.path).name
                if not name.lower().endswith(".ipynb") and not (staged / name).exists():
                    (staged / name).write_bytes(extra.data)
        (staged / "timestamp.txt").write_text(timestamp_text(newest), encoding="utf-8")
        swap_in(staged, dest, archive_root=course_dir / REPLACED / sid / assignment)
        for _, upload in picks:
            report.outcomes.append(Outcome(upload.path, "collected", sid, upload.time, late,
                                           detail="replaced" if before else ""))
    if set_aside:
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        report.set_aside = course_dir / UNMATCHED / assignment / stamp
        for upload in set_aside:
            write_bytes(report.set_aside / upload.path, upload.data)
    return report


def due_date(course_dir, assignment: str) -> datetime | None:
    """The assignment's due date in the gradebook (aware UTC), if one was set."""
    from nbgrader.api import MissingEntry

    from .nbgrader_course import gradebook

    with gradebook(course_dir) as gb:
        try:
            due = gb.find_assignment(assignment).duedate
        except MissingEntry:
            return None
    return due.replace(tzinfo=timezone.utc) if due else None


def collect_exchange(course_dir, assignment: str, report: CollectReport,
                     deadline: datetime | None = None) -> CollectReport:
    """``nbgrader collect`` from the course-local exchange (only newer submissions replace
    collected ones: nbgrader compares timestamp.txt).  Nothing to do without an exchange."""
    from .nbgrader_course import nbgrader_api

    course_dir = Path(course_dir).resolve()
    api = nbgrader_api(course_dir)
    inbound = Path(api.config.Exchange.root) / api.coursedir.course_id / "inbound"
    if not any(inbound.glob(f"*+{assignment}+*")):
        return report
    before = _submitted_times(course_dir, assignment)
    api.collect(assignment, update=True)
    deadline = deadline or due_date(course_dir, assignment)
    for sid, when in _submitted_times(course_dir, assignment).items():
        if when and before.get(sid) != when:
            report.outcomes.append(Outcome(f"exchange:{sid}", "exchange", sid, when,
                                           bool(deadline and when > deadline)))
    return report


def _submitted_times(course_dir: Path, assignment: str) -> dict[str, datetime | None]:
    root = course_dir / SUBMITTED
    if not root.is_dir():
        return {}
    return {p.parent.name: existing_timestamp(p) for p in root.glob(f"*/{assignment}") if p.is_dir()}


def note_unknown_students(course_dir, assignment: str, roster_ids, report: CollectReport) -> None:
    """List the submissions of students who are not in the roster."""
    ids = set(roster_ids)
    for folder in sorted((Path(course_dir) / SUBMITTED).glob(f"*/{assignment}")):
        if folder.parent.name not in ids:
            report.not_in_roster.append(folder.parent.name)
