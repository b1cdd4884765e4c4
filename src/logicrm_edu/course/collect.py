"""Collecting submissions: from nbgrader's exchange and from files downloaded from an LMS.

``<course>/submitted/<id>/<assignment>/`` gets the notebook (under the release
notebook's name, as nbgrader expects), the student's other files (a data file,
a script, ...) beside it, and ``timestamp.txt`` in nbgrader's format (UTC).

LMS files (a zip or a folder, with students' own zips unpacked: :mod:`.uploads`)
are matched to the roster by the student id or the Chinese name in the file or
folder names (``20230101_张三_abc_tiering.ipynb``, ``张三/abc_tiering.ipynb``,
``张三.zip/abc_tiering.ipynb``).  Every file of the download gets one
:class:`Outcome`, and nothing a teacher does here loses work:

- an existing submission that is as new as the file, or newer, is kept;
- an older existing submission that is replaced is moved to
  ``<course>/submitted_replaced/<id>/<assignment>/<time>/``, never deleted;
- of several notebooks of one student the newest is used;
- every file that is not used (older duplicates, files matching nobody or
  several students, damaged notebooks, a student's uploads when none of them is
  a notebook) is copied to ``<course>/lms_unmatched/<assignment>/<time>/`` under
  its path in the download;
- only files made by the computer (``__MACOSX``, ``.DS_Store``, ...) and links
  are not kept; they are counted all the same.

What happened to each file is also recorded for the other commands
(:mod:`.collect_record`).  A file's time is its zip entry time or, in a folder,
its modification time (local time); it is late when it is after the deadline
(``--deadline``, else the assignment's due date in the gradebook).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from ..i18n import t
from .collect_record import read_record, write_record
from .release import check_assignment
from .roster_match import RosterMatcher
from .safe_files import staging_dir, swap_in, write_bytes
from .upload_kinds import notebook_problem, other_file_detail
from .uploads import Upload, read_uploads, safe_relative

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"  # nbgrader's Exchange.timestamp_format
SUBMITTED, REPLACED, UNMATCHED = "submitted", "submitted_replaced", "lms_unmatched"
# a student without a submission who uploaded files of these statuses handed in something
_HANDED_IN_STATES = {"corrupt": "collect.state.damaged", "not_notebook": "collect.state.not_notebook",
                     "unmatched": "collect.state.not_used", "skipped": "collect.state.not_used"}


@dataclass
class Outcome:
    """What happened to one file (one row of the collect report)."""

    file: str
    """Its path in the download (``exchange:<id>`` for the exchange)."""
    status: str
    """``collected``: the student's submission; ``attached``: kept beside it;
    ``kept_existing``: not used, the submission in the course is as new or newer;
    ``duplicate``: not used, the student has a newer file; ``unmatched``: whose or which
    notebook it is is unclear; ``corrupt``: a damaged notebook or zip;
    ``not_notebook``: the student's, but they handed in no notebook; ``unpacked``: a
    student's zip, its files have rows of their own; ``skipped``: not student work;
    ``exchange``: collected from the exchange."""
    student: str = ""
    time: datetime | None = None
    late: bool = False
    detail: str = ""
    """A ``collect.why.*`` catalogue key, or ""."""
    fields: dict = field(default_factory=dict)
    """The fields of the ``detail`` message."""
    kept: str = ""
    """Where the file is now, relative to the course folder ("" when it is not kept)."""

    def detail_text(self, lang: str | None = None) -> str:
        return t(self.detail, lang, **self.fields) if self.detail else ""


@dataclass
class CollectReport:
    assignment: str
    outcomes: list[Outcome] = field(default_factory=list)
    not_in_roster: list[str] = field(default_factory=list)
    """Students with a submitted folder (e.g. from the exchange) who are not in the roster."""
    set_aside: Path | None = None
    """Where the files that were not used were copied to."""
    record: Path | None = None
    """The per-file record of the LMS download (:mod:`.collect_record`)."""

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def files(self) -> list[Outcome]:
        """The outcomes of the files of the LMS download."""
        return [o for o in self.outcomes if o.status != "exchange"]

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


class SetAside:
    """``<course>/lms_unmatched/<assignment>/<time>/``: the files that are not used, each
    under its (made safe) path in the download; a name already taken gets `` (2)``."""

    def __init__(self, course_dir: Path, assignment: str, now: datetime):
        self.course_dir = course_dir
        self.folder = course_dir / UNMATCHED / assignment / now.strftime("%Y%m%d-%H%M%S")
        self.used = False

    def keep(self, upload: Upload) -> str:
        """Copy ``upload`` in; returns where it went, relative to the course folder."""
        relative = PurePosixPath(safe_relative(upload.path))
        target, n = self.folder / relative, 1
        while target.exists():
            n += 1
            target = self.folder / relative.with_name(f"{relative.stem} ({n}){relative.suffix}")
        write_bytes(target, upload.data)
        self.used = True
        return target.relative_to(self.course_dir).as_posix()


def collect_uploads(course_dir, assignment: str, source, roster, *,
                    deadline: datetime | None = None, report: CollectReport | None = None,
                    now: datetime | None = None) -> CollectReport:
    """Collect an LMS download (zip or folder) into ``submitted/``; see the module docstring.

    Parameters
    ----------
    course_dir, assignment
        The course folder and the assignment's name.
    source
        The zip or folder downloaded from the LMS.
    roster
        (id, name) pairs of the class.
    deadline
        Files after it are late; default: the due date in the gradebook.
    report
        A report to add the outcomes to (e.g. the exchange's); default: a new one.
    now
        The time of this collect (names the set-aside folder, stamps the record).

    Returns
    -------
    CollectReport
        With one outcome per file of the download, in the download's order.
    """
    course_dir = Path(course_dir).resolve()
    check_assignment(course_dir, assignment)
    report = report or CollectReport(assignment)
    now = now or datetime.now()
    uploads = read_uploads(source)
    deadline = deadline or due_date(course_dir, assignment)
    sorting = _Sorting(uploads, SetAside(course_dir, assignment, now))
    candidates, others = sorting.sort(RosterMatcher(roster), release_notebooks(course_dir, assignment))
    for sid, picks in sorting.newest(candidates).items():
        newest = max(uploads[i].time for _, i in picks)
        late = bool(deadline and newest > deadline)
        dest = course_dir / SUBMITTED / sid / assignment
        before = existing_timestamp(dest) if dest.exists() else None
        extras = _beside_first(others.pop(sid, []), picks, uploads)
        if dest.exists() and (before is None or before >= newest.astimezone(timezone.utc)):
            for _, i in picks:
                sorting.settle(i, "kept_existing", sid, "collect.why.existing", late=late)
            for i in extras:
                sorting.settle(i, "kept_existing", sid, "collect.why.existing")
            continue
        staged = staging_dir(dest)
        taken = {"timestamp.txt"} | {target.lower() for target, _ in picks}
        for target, i in picks:
            (staged / target).write_bytes(uploads[i].data)
            sorting.settle(i, "collected", sid, "collect.why.replaced" if before else "", late=late,
                           kept=dest / target)
        for i in extras:
            name = PurePosixPath(safe_relative(uploads[i].path)).name
            if name.lower() in taken:
                sorting.settle(i, "duplicate", sid, "collect.why.same_name", name=name)
                continue
            taken.add(name.lower())
            (staged / name).write_bytes(uploads[i].data)
            sorting.settle(i, "attached", sid, "collect.why.beside", kept=dest / name)
        (staged / "timestamp.txt").write_text(timestamp_text(newest), encoding="utf-8")
        swap_in(staged, dest, archive_root=course_dir / REPLACED / sid / assignment)
    for sid, items in others.items():  # students who handed in no notebook
        for i in items:
            suffix = uploads[i].suffix or PurePosixPath(uploads[i].path).name
            sorting.settle(i, "not_notebook", sid, other_file_detail(uploads[i].path), suffix=suffix)
    outcomes = [sorting.outcomes[i] for i in range(len(uploads))]
    report.outcomes += outcomes
    report.set_aside = sorting.aside.folder if sorting.aside.used else None
    report.record = write_record(course_dir, assignment, outcomes, now.astimezone())
    return report


class _Sorting:
    """The outcomes of one download's files, settled one by one (files not used are kept
    aside as they are settled)."""

    def __init__(self, uploads: list[Upload], aside: SetAside):
        self.uploads, self.aside = uploads, aside
        self.outcomes: dict[int, Outcome] = {}

    def settle(self, i: int, status: str, sid: str | None, detail: str = "", *, late=False,
               kept: Path | None = None, keep: bool = True, **fields) -> None:
        """Record upload ``i``'s outcome; unless it was ``kept`` at a place in the course or
        ``keep`` is False, it is kept aside."""
        upload = self.uploads[i]
        if kept is not None:
            where = kept.relative_to(self.aside.course_dir).as_posix()
        else:
            where = self.aside.keep(upload) if keep else ""
        self.outcomes[i] = Outcome(upload.path, status, sid or "", upload.time, late, detail,
                                   fields, where)

    def sort(self, matcher: RosterMatcher, notebooks: list[str]):
        """Settle what cannot be used; returns the usable notebooks by (student, target
        notebook) and the students' other files by student, as upload indexes."""
        candidates: dict[tuple[str, str], list[int]] = {}
        others: dict[str, list[int]] = {}
        for i, upload in enumerate(self.uploads):
            if upload.kind in ("system", "link"):
                self.settle(i, "skipped", None, f"collect.why.{upload.kind}", keep=False)
                continue
            sid, why = matcher.match(upload.path)
            if upload.kind == "unreadable":
                self.settle(i, "corrupt", sid, "collect.why.unreadable", keep=False)
            elif upload.kind == "archive":
                self.settle(i, "unpacked", sid, "collect.why.unpacked", keep=False, count=upload.count)
            elif upload.kind == "checkpoint":
                self.settle(i, "skipped", sid, "collect.why.checkpoint")
            elif upload.kind == "bad_archive":
                self.settle(i, "corrupt", sid, "collect.why.bad_zip")
            elif sid is None:
                self.settle(i, "unmatched", None, f"collect.why.{why}")
            elif upload.suffix != ".ipynb":
                others.setdefault(sid, []).append(i)
            elif (target := _target_notebook(upload.path, notebooks)) is None:
                self.settle(i, "unmatched", sid, "collect.why.which_notebook")
            elif problem := notebook_problem(upload.data):
                self.settle(i, "corrupt", sid, problem)
            else:
                candidates.setdefault((sid, target), []).append(i)
        return candidates, others

    def newest(self, candidates: dict[tuple[str, str], list[int]]) -> dict[str, list[tuple[str, int]]]:
        """Per student, (target notebook, upload) of the newest upload of each notebook; the
        older ones are settled as duplicates."""
        picks: dict[str, list[tuple[str, int]]] = {}
        for (sid, target), found in candidates.items():
            found = sorted(found, key=lambda i: self.uploads[i].time, reverse=True)
            picks.setdefault(sid, []).append((target, found[0]))
            for i in found[1:]:
                self.settle(i, "duplicate", sid, "collect.why.newer", newer=self.uploads[found[0]].path)
        return picks


def _beside_first(extras: list[int], picks, uploads: list[Upload]) -> list[int]:
    """A student's other files: those in the folder of a used notebook first, then the
    newest first (which one keeps a name when two share it)."""
    folders = {PurePosixPath(uploads[i].path).parent for _, i in picks}
    return sorted(extras, key=lambda i: (PurePosixPath(uploads[i].path).parent not in folders,
                                         -uploads[i].time.timestamp()))


def due_date(course_dir, assignment: str) -> datetime | None:
    """The assignment's due date in the gradebook (aware UTC), if one was set."""
    from nbgrader.api import MissingEntry

    from .nbgrader_app import gradebook

    with gradebook(course_dir) as gb:
        try:
            due = gb.find_assignment(assignment).duedate
        except MissingEntry:
            return None
    return due.replace(tzinfo=timezone.utc) if due else None


def set_due_date(course_dir, assignment: str, deadline: datetime) -> None:
    """Keep ``collect --deadline`` as the assignment's due date in the gradebook, so the
    grade export can say how late each submission was (unless course.toml sets one)."""
    from .nbgrader_app import gradebook

    with gradebook(course_dir) as gb:  # nbgrader keeps naive UTC times
        gb.update_or_create_assignment(
            assignment, duedate=deadline.astimezone(timezone.utc).replace(tzinfo=None))


def collect_exchange(course_dir, assignment: str, report: CollectReport,
                     deadline: datetime | None = None) -> CollectReport:
    """``nbgrader collect`` from the course-local exchange (only newer submissions replace
    collected ones: nbgrader compares timestamp.txt).  Nothing to do without an exchange."""
    from .nbgrader_app import nbgrader_api

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


def handed_in_states(course_dir, assignment: str) -> dict[str, str]:
    """Students who uploaded files to the LMS but have no submission (none of the files
    could be used): id → ``collect.state.*`` key (damaged, not a notebook, not usable)."""
    course_dir = Path(course_dir)
    submitted = {p.parent.name for p in (course_dir / SUBMITTED).glob(f"*/{assignment}")}
    order = list(_HANDED_IN_STATES.values())
    states: dict[str, str] = {}
    for row in read_record(course_dir, assignment):
        state = _HANDED_IN_STATES.get(row["status"])
        sid = row["student"]
        if state and sid and sid not in submitted:
            states[sid] = min(states.get(sid, state), state, key=order.index)
    return states
