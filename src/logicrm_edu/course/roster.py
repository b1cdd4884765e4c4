"""The class roster of a course, kept in step with the teacher's spreadsheet.

``logicrm roster import FILE`` reads the file with the rubric module's loader
(:func:`logicrm_edu.rubric.roster.read_roster_file`: XLSX or CSV in UTF-8/GBK,
headers 学号/姓名/班级/小组 or id/name/class/group, blank and duplicate ids
rejected naming the row, hidden rows reported) and makes the course match it —
a *sync*, so importing a corrected file never doubles the class:

- students in the file but not in the course are added;
- students whose name, class or group differ are updated;
- students in the course but not in the file are removed when they have no
  work (no collected or graded assignment, no rubric score); those with work
  are kept and reported: only ``logicrm roster remove ID --discard-work``
  removes them.

:func:`plan_sync` works out these changes without writing anything (the
preview the teacher confirms); :func:`apply_sync` writes them.  Names are
stored normalised (:func:`normal_name`) so that ``logicrm collect`` matches
uploads named 张三 to a student typed "张 三".  Ids whose leading zeros Excel
dropped (``2401001`` beside ``02401001``) are refused.

The roster is stored twice:

- nbgrader's gradebook (``gradebook.db``): the Chinese name (姓名, written as
  one piece) in ``last_name`` and ``first_name`` left empty, because Chinese
  names are not split into given and family names and nbgrader shows
  ``last_name`` first;
- the rubric database (``rubric.db``): id, name, class, group, in file order.

Class and group exist only in the rubric database; :func:`class_roster` joins
both for the other commands.
"""
from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..i18n import t
from ..rubric.roster import COLUMNS, LABELS, read_roster_file
from ..rubric.store import DB_FILE, load_roster, open_store, save_roster, scores_by_student
from ..spreadsheets import DataWarning, collected_notes
from .nbgrader_app import gradebook

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
"""Student ids become folder names (submitted/<id>/…): letters, digits, _ . - only."""

STUDENT_FOLDERS = ("submitted", "submitted_replaced", "autograded", "feedback")
"""Per-student folders of a course (``<folder>/<id>/``) holding work; a removed student's
are moved to ``removed_students/`` rather than deleted."""
REMOVED_FOLDER = "removed_students"


# names ------------------------------------------------------------------------------------

def _joins_without_space(char: str) -> bool:
    """Chinese characters (and the middle dot of transcribed names) are written without spaces."""
    return char in "·・" or unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


def normal_name(name: str) -> str:
    """``name`` as stored: no spaces at the ends or between Chinese characters, other runs of
    whitespace (full-width spaces included) as one space: "张 三" → "张三", "Li  Ming" → "Li Ming"."""
    parts = name.split()  # str.split also splits at the full-width space U+3000
    text = parts[0] if parts else ""
    for part in parts[1:]:
        glue = "" if _joins_without_space(text[-1]) and _joins_without_space(part[0]) else " "
        text += glue + part
    return text


# the roster file --------------------------------------------------------------------------

@dataclass(frozen=True)
class NameFix:
    """A name stored differently from how it was typed."""

    row: int
    """Spreadsheet row number."""
    typed: str
    stored: str


@dataclass
class ClassFile:
    """A roster file, checked and with names normalised."""

    table: pd.DataFrame
    """Columns id, name, class, group as text, in file order."""
    rows: list[int]
    """Spreadsheet row number of each table row."""
    file: str
    sheet: str | None
    hidden_rows: list[int] = field(default_factory=list)
    """Rows hidden in Excel (imported all the same, and reported)."""
    unknown_columns: list[str] = field(default_factory=list)
    """Columns of the file that are not roster columns (ignored)."""
    name_fixes: list[NameFix] = field(default_factory=list)
    notes: list[DataWarning] = field(default_factory=list)
    """Remarks of the reader (hidden rows read, a total row left out), for the teacher."""


def read_class_file(path, *, sheet: str | None = None) -> ClassFile:
    """The roster in ``path`` (sheet by name or 1-based tab position), checked for ids that
    cannot be folder names or lost their leading zeros, with names normalised."""
    path = Path(path)
    with collected_notes() as notes:  # hidden rows, a total row left out
        read = read_roster_file(path, sheet=_sheet_name(path, sheet))
    where = dict(file=read.file, sheet=read.sheet)
    table = read.table[list(COLUMNS)].reset_index(drop=True)
    for sid, row in zip(table["id"], read.rows):
        if not STUDENT_ID.match(sid):
            raise DataError("cli.roster.bad_id", row=row, column=LABELS["id"], value=sid, **where)
    stored = table["name"].map(normal_name)
    fixes = [NameFix(row, typed, fixed) for row, typed, fixed in zip(read.rows, table["name"], stored)
             if typed != fixed]
    found = ClassFile(table.assign(name=stored), list(read.rows), read.file, read.sheet,
                      list(read.hidden_rows), list(read.unknown_columns), fixes, notes)
    _check_mixed_ids(found)
    return found


def _sheet_name(path: Path, sheet: str | None) -> str | None:
    """The sheet's name: a name of the workbook, else a tab position counted from 1 as the
    teacher sees the tabs (the reader would count from 0)."""
    if sheet is None:
        return None
    if path.suffix.lower() == ".csv":
        raise DataError("roster.sheet_in_csv", file=path.name)
    if not path.is_file():
        return sheet  # the reader reports the missing file
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - not a workbook: the reader says what the file is
        return sheet
    names = workbook.sheetnames
    workbook.close()
    if sheet in names:
        return sheet
    if sheet.isdigit() and 1 <= int(sheet) <= len(names):
        return names[int(sheet) - 1]
    raise DataError("roster.no_sheet", file=path.name, wanted=sheet,
                    sheets="、".join(f"{n}. {name}" for n, name in enumerate(names, 1)))


def _leading_zero_pairs(ids_rows):
    """(shorter id, its row, longer id, its row) for digit-only ids where one has leading zeros
    and the other is shorter without them: one of them lost its zeros in Excel."""
    digits = [(sid, row) for sid, row in ids_rows if sid.isdigit()]
    zero_led = [(sid, row) for sid, row in digits if sid.startswith("0")]
    if not zero_led:
        return
    for sid, row in digits:
        if sid.startswith("0"):
            continue
        # prefer the id this one is a copy of; else any longer id with zeros
        longer = [z for z in zero_led if len(z[0]) > len(sid)]
        same = [z for z in longer if z[0].lstrip("0") == sid]
        if same or longer:
            yield (sid, row, *(same or longer)[0])


def _check_mixed_ids(found: ClassFile) -> None:
    for short, row, long, long_row in _leading_zero_pairs(zip(found.table["id"], found.rows)):
        raise DataError("roster.mixed_ids", file=found.file, sheet=found.sheet, row=row,
                        column=LABELS["id"], value=short, other=long, other_row=long_row)


# what the course has ----------------------------------------------------------------------

@dataclass(frozen=True)
class Work:
    """What a student has in the course that removing them would lose or orphan."""

    assignments: tuple[str, ...] = ()
    """Assignments collected (``submitted/<id>/``) or graded (gradebook)."""
    rubric_scores: int = 0
    """Rubric scores in force that the student received or gave as a team member."""

    def __bool__(self) -> bool:
        return bool(self.assignments or self.rubric_scores)

    def text(self) -> str:
        parts = []
        if self.assignments:
            parts.append(t("roster.work.assignments", assignments=", ".join(self.assignments)))
        if self.rubric_scores:
            parts.append(t("roster.work.scores", count=self.rubric_scores))
        return t("where.sep").join(parts)


def student_work(course_dir, ids) -> dict[str, Work]:
    """The :class:`Work` of each student id in ``ids``."""
    course_dir = Path(course_dir)
    assignments: dict[str, set[str]] = {sid: set() for sid in ids}
    with gradebook(course_dir) as gb:
        for student in gb.students:
            if student.id in assignments:
                assignments[student.id].update(s.assignment.name for s in student.submissions)
    for sid, names in assignments.items():
        for folder in ("submitted", "autograded"):
            names.update(p.name for p in (course_dir / folder / sid).glob("*") if p.is_dir())
    scores = scores_by_student(open_store(course_dir)) if (course_dir / DB_FILE).is_file() else {}
    return {sid: Work(tuple(sorted(names)), scores.get(sid, 0)) for sid, names in assignments.items()}


def class_roster(course_dir) -> pd.DataFrame:
    """id, name, class, group of every student: the gradebook's students, with class and
    group from the rubric database (empty when the student is only in the gradebook)."""
    with gradebook(course_dir) as gb:
        students = pd.DataFrame([(s.id, s.last_name or s.first_name or "") for s in gb.students],
                                columns=["id", "name"])
    stored = _stored_roster(course_dir)
    merged = stored.merge(students, on="id", how="outer", suffixes=("", "_gb"))
    merged["name"] = merged["name"].fillna(merged.pop("name_gb"))
    order = {sid: n for n, sid in enumerate(stored["id"])}
    merged["_order"] = merged["id"].map(order).fillna(len(order))
    merged = merged.sort_values(["_order", "id"]).drop(columns="_order")
    return merged.fillna("").reset_index(drop=True)[list(COLUMNS)]


def _stored_roster(course_dir) -> pd.DataFrame:
    """The rubric database's roster, possibly empty; reading must not create the database."""
    if not (Path(course_dir) / DB_FILE).is_file():
        return pd.DataFrame(columns=list(COLUMNS))
    return load_roster(open_store(course_dir), required=False)


# the sync ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class StudentChange:
    """A student whose details differ: ``{column: (old, new)}``."""

    id: str
    name: str
    changes: dict[str, tuple[str, str]]

    def text(self) -> str:
        return t("where.sep").join(
            t("roster.preview.change", column=t(f"cli.col.{column}"), old=old, new=new)
            for column, (old, new) in self.changes.items())


@dataclass
class RosterSync:
    """What importing a roster file changes in the course."""

    source: ClassFile
    added: pd.DataFrame
    """Students of the file not in the course (id, name, class, group)."""
    changed: list[StudentChange]
    removed: pd.DataFrame
    """Students of the course not in the file and without work: removed."""
    kept: pd.DataFrame
    """Students of the course not in the file who have work: kept, not removed."""
    work: dict[str, Work]
    """The work of each kept student."""
    first_import: bool
    """The course had no students: nothing in it can change or be lost."""

    @property
    def table(self) -> pd.DataFrame:
        """The roster of the file (names normalised)."""
        return self.source.table

    @property
    def has_changes(self) -> bool:
        return bool(len(self.added) or self.changed or len(self.removed))

    @property
    def final(self) -> pd.DataFrame:
        """The course's roster once applied: the file's students, then the kept ones."""
        return pd.concat([self.table, self.kept[list(COLUMNS)]], ignore_index=True)


def plan_sync(course_dir, path, *, sheet: str | None = None) -> RosterSync:
    """Compare the roster file ``path`` with the course; nothing is written."""
    source = read_class_file(path, sheet=sheet)
    course = class_roster(course_dir)
    table = source.table
    missing = course[~course["id"].isin(table["id"])]
    work = student_work(course_dir, list(missing["id"]))
    has_work = missing["id"].map(lambda sid: bool(work[sid])).astype(bool)
    kept, removed = missing[has_work].reset_index(drop=True), missing[~has_work].reset_index(drop=True)
    _check_ids_against_course(source, course, set(removed["id"]), work)
    known = course.set_index("id")
    changed = []
    for record in table[table["id"].isin(known.index)].to_dict("records"):
        old = known.loc[record["id"]]
        changes = {column: (old[column], record[column]) for column in ("name", "class", "group")
                   if old[column] != record[column]}
        if changes:
            changed.append(StudentChange(record["id"], record["name"], changes))
    return RosterSync(source, table[~table["id"].isin(known.index)].reset_index(drop=True), changed,
                      removed, kept, {sid: work[sid] for sid in kept["id"]}, course.empty)


def _check_ids_against_course(source: ClassFile, course: pd.DataFrame, replaced: set[str],
                              work: dict[str, Work]) -> None:
    """Refuse a file id that is a course id with its leading zeros lost, or with zeros added
    when the course's student has work (a zero-less course id without work is replaced)."""
    names = dict(zip(course["id"], course["name"]))
    for sid, row in zip(source.table["id"], source.rows):
        for existing in names:
            if existing == sid or not (sid.isdigit() and existing.isdigit()) \
                    or existing.lstrip("0") != sid.lstrip("0"):
                continue
            where = dict(file=source.file, sheet=source.sheet, row=row, column=LABELS["id"],
                         value=sid, existing=existing, name=names[existing])
            if len(sid) < len(existing):
                raise DataError("roster.zeros_lost", **where)
            if existing not in replaced and existing not in source.table["id"].values:
                raise DataError("roster.zeros_vs_work", work=work[existing].text(), **where)


def apply_sync(course_dir, sync: RosterSync) -> None:
    """Write ``sync`` to the gradebook and the rubric database."""
    with gradebook(course_dir) as gb:
        in_gradebook = {s.id for s in gb.students}
        for sid in sync.removed["id"]:
            if sid in in_gradebook:
                gb.remove_student(sid)  # no work: only the student's row goes
        for record in sync.table.itertuples(index=False):
            gb.update_or_create_student(record.id, last_name=record.name, first_name="")
    save_roster(open_store(course_dir), sync.final)


def import_roster(course_dir, path, *, sheet: str | None = None) -> RosterSync:
    """Make the course match the roster file ``path`` at once (no preview); what changed."""
    sync = plan_sync(course_dir, path, sheet=sheet)
    apply_sync(course_dir, sync)
    return sync


# one student ------------------------------------------------------------------------------

def _student(course_dir, sid: str) -> pd.Series:
    course = class_roster(course_dir)
    match = course[course["id"] == sid]
    if match.empty:
        raise DataError("roster.unknown_student", value=sid)
    return match.iloc[0]


def remove_student(course_dir, sid: str, *, discard_work: bool = False) -> tuple[Work, Path | None]:
    """Remove student ``sid`` from the gradebook and the rubric database.

    Returns
    -------
    (Work, Path or None)
        What the student had, and the folder their collected files were moved to (None when
        they had none).

    Raises
    ------
    DataError
        The student is unknown, or has work and ``discard_work`` is false.
    """
    course_dir = Path(course_dir)
    student = _student(course_dir, sid)
    work = student_work(course_dir, [sid])[sid]
    if work and not discard_work:
        raise DataError("roster.has_work", value=sid, name=student["name"], work=work.text())
    with gradebook(course_dir) as gb:
        if sid in {s.id for s in gb.students}:
            gb.remove_student(sid)  # its submissions and grades go with it
    stored = _stored_roster(course_dir)
    if sid in set(stored["id"]):
        save_roster(open_store(course_dir), stored[stored["id"] != sid])
    return work, _move_student_folders(course_dir, sid)


def _move_student_folders(course_dir: Path, sid: str) -> Path | None:
    """Move ``<folder>/<sid>/`` out of the course's folders (where ``collect`` would report
    them as not on the roster) into ``removed_students/<sid>-<time>/<folder>/``."""
    folders = [course_dir / name / sid for name in STUDENT_FOLDERS if (course_dir / name / sid).is_dir()]
    if not folders:
        return None
    target = course_dir / REMOVED_FOLDER / f"{sid}-{datetime.now():%Y%m%d-%H%M%S}"
    target.mkdir(parents=True)
    for folder in folders:
        shutil.move(str(folder), str(target / folder.parent.name))
    return target


def update_student(course_dir, sid: str, *, name: str | None = None, class_name: str | None = None,
                   group: str | None = None) -> StudentChange:
    """Change the name, class or group of student ``sid`` in both databases; what changed."""
    student = _student(course_dir, sid)
    wanted = {"name": None if name is None else normal_name(name),
              "class": None if class_name is None else class_name.strip(),
              "group": None if group is None else group.strip()}
    for column in ("name", "group"):
        if wanted[column] == "":
            raise DataError("roster.blank_value", column=t(f"cli.col.{column}"))
    new = {column: value if value is not None else student[column] for column, value in wanted.items()}
    change = StudentChange(sid, new["name"], {column: (student[column], new[column])
                                              for column in new if new[column] != student[column]})
    if not change.changes:
        return change
    with gradebook(course_dir) as gb:
        gb.update_or_create_student(sid, last_name=new["name"], first_name="")
    stored = _stored_roster(course_dir)
    if sid in set(stored["id"]):
        stored.loc[stored["id"] == sid, list(new)] = list(new.values())
    else:
        stored = pd.concat([stored, pd.DataFrame([{"id": sid, **new}])], ignore_index=True)
    save_roster(open_store(course_dir), stored)
    return change
