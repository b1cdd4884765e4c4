"""The class roster: imported once into nbgrader's gradebook and the rubric database.

``logicrm roster import FILE`` reads the file with the rubric module's loader
(:func:`logicrm_edu.rubric.roster.read_roster`: XLSX or CSV in UTF-8/GBK,
headers 学号/姓名/班级/小组 or id/name/class/group, blank and duplicate ids
rejected naming the row) and stores it twice:

- nbgrader's gradebook (``gradebook.db``): one student per row, the Chinese
  name (姓名, written as one piece) in ``last_name`` and ``first_name`` left
  empty, because Chinese names are not split into given and family names and
  nbgrader shows ``last_name`` first;
- the rubric database (``rubric.db``): id, name, class, group, in file order.

Class and group exist only in the rubric database; :func:`class_roster` joins
both for the other commands.  Students already in the gradebook but missing
from the new file are kept (they may have grades) and reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import DataError
from .nbgrader_course import gradebook
from .rubric.roster import HEADERS, LABELS, read_roster, read_table_file
from .rubric.store import DB_FILE, load_roster, open_store, save_roster

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
"""Student ids become folder names (submitted/<id>/…): letters, digits, _ . - only."""


@dataclass
class RosterImport:
    """What an import did."""

    students: int
    groups: int
    classes: int
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Students in the gradebook but not in the file: kept, not deleted."""
    unknown_columns: list[str] = field(default_factory=list)
    """Columns of the file that are not roster columns (ignored)."""


def read_class_roster(path) -> tuple[pd.DataFrame, list[str]]:
    """(the validated roster, headers that are not roster columns)."""
    path = Path(path)
    table = read_roster(path)
    for position, sid in enumerate(table["id"]):
        if not STUDENT_ID.match(sid):
            raise DataError("cli.roster.bad_id", file=path.name, row=position + 2,
                            column=LABELS["id"], value=sid)
    known = {s for spellings in HEADERS.values() for s in spellings}
    headers = [str(h) for h in read_table_file(path).columns]
    unknown = [h for h in headers if h.strip().lower().replace(" ", "") not in known]
    return table, unknown


def import_roster(course_dir, path) -> RosterImport:
    """Validate ``path`` and store it in the gradebook and the rubric database."""
    table, unknown = read_class_roster(path)
    result = RosterImport(students=len(table), groups=table["group"].nunique(),
                          classes=table["class"].replace("", pd.NA).nunique(),
                          unknown_columns=unknown)
    with gradebook(course_dir) as gb:
        existing = {s.id for s in gb.students}
        for record in table.itertuples(index=False):
            gb.update_or_create_student(record.id, last_name=record.name, first_name="")
            (result.updated if record.id in existing else result.added).append(record.id)
        result.kept = sorted(existing - set(table["id"]))
    save_roster(open_store(course_dir), table)
    return result


def class_roster(course_dir) -> pd.DataFrame:
    """id, name, class, group of every student: the gradebook's students, with class and
    group from the rubric database (empty when the student is only in the gradebook)."""
    with gradebook(course_dir) as gb:
        students = pd.DataFrame([(s.id, s.last_name or s.first_name or "") for s in gb.students],
                                columns=["id", "name"])
    stored = pd.DataFrame(columns=["id", "name", "class", "group"])
    if (Path(course_dir) / DB_FILE).is_file():  # reading must not create the rubric store
        stored = load_roster(open_store(course_dir))
    merged = stored.merge(students, on="id", how="outer", suffixes=("", "_gb"))
    merged["name"] = merged["name"].fillna(merged.pop("name_gb"))
    order = {sid: n for n, sid in enumerate(stored["id"])}
    merged["_order"] = merged["id"].map(order).fillna(len(order))
    merged = merged.sort_values(["_order", "id"]).drop(columns="_order")
    return merged.fillna("").reset_index(drop=True)[["id", "name", "class", "group"]]
