"""The class roster the rubric module works with: student id, name, class, group.

This is the one place that knows where the roster comes from, so it can later
be swapped for the gradebook roster.  It accepts a DataFrame, a CSV (UTF-8 with
or without BOM, or GBK as Excel saves it) or an XLSX file with the headers
学号, 姓名 / 学生姓名, 班级, 小组 / 组别 (or id, name, class, group), also below a
title row, and returns a table with the columns ``id``, ``name``, ``class``,
``group`` as text, in file order.  The file is read by
:mod:`logicrm_edu.spreadsheets`: blank rows are skipped, rows hidden in Excel are
kept and a total row (合计 / 总计) is left out, each with a
:class:`~logicrm_edu.spreadsheets.DataWarning`.  Mistakes raise
:class:`~logicrm_edu.errors.DataError` naming file, sheet, row and column, with the
row numbers Excel shows.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import pandas as pd

from ..errors import DataError
from ..spreadsheets import (DataWarning, SheetTable, blank, cell_text, hidden_rows_warning,
                            is_total_label, read_sheet)

COLUMNS = ("id", "name", "class", "group")
HEADERS = {"id": ("学号", "id", "student_id"), "name": ("姓名", "学生姓名", "name"),
           "class": ("班级", "class"), "group": ("小组", "组", "组别", "组号", "分组", "group")}
"""Accepted header spellings per column (compared without case or spaces)."""
LABELS = {"id": "学号", "name": "姓名", "class": "班级", "group": "小组"}


@dataclass(frozen=True)
class RosterFile:
    """A roster file as read: the students and where each one is in the file."""

    table: pd.DataFrame
    """Columns ``id``, ``name``, ``class``, ``group`` as text, in file order."""
    rows: list[int]
    """The spreadsheet row number (as Excel shows it) of each table row."""
    hidden_rows: list[int]
    """Rows hidden in Excel; they are in :attr:`table` (a warning has said so)."""
    unknown_columns: list[str]
    """Headers of the file that are not roster columns (ignored)."""
    file: str
    """The file's name."""
    sheet: str | None
    """The sheet's name (None for CSV)."""


def read_roster_file(path, *, sheet=None) -> RosterFile:
    """Read and check a roster file (XLSX or CSV).

    Parameters
    ----------
    path : str or Path
        The roster: one row per student with 学号, 姓名, 班级, 小组 (or id, name, class,
        group); a title row above the header is fine.
    sheet : str or int, optional
        Sheet name or position counted from 0 (XLSX; default the first sheet).
    """
    read = read_sheet(path, sheet=sheet, recognise=_is_roster_header)
    table, rows = _roster(read)
    note = hidden_rows_warning(read)
    if note:
        warnings.warn(note, stacklevel=2)
    unknown = [str(h) for h in read.table.columns if _column_of(h) is None]
    return RosterFile(table, rows, read.hidden_rows, unknown, read.file, read.sheet)


def read_roster(source) -> pd.DataFrame:
    """The roster from a DataFrame or a CSV/XLSX path; see the module docstring."""
    if isinstance(source, pd.DataFrame):
        frame = source.reset_index(drop=True)
        rows = list(range(2, len(frame) + 2))  # the header is row 1
        return _roster(SheetTable(frame, rows, 1, [], None, None))[0]
    return read_roster_file(source).table


def _is_roster_header(header) -> bool:
    return _column_of(header) is not None


def _column_of(header) -> str | None:
    text = str(header).strip().lower().replace(" ", "")
    return next((column for column, spellings in HEADERS.items() if text in spellings), None)


def _roster(read: SheetTable) -> tuple[pd.DataFrame, list[int]]:
    source = read.table
    if source.empty:
        raise DataError("rubric.roster.empty", **read.where())
    found: dict[str, int] = {}
    for index, header in enumerate(source.columns):
        column = _column_of(header)
        if column and column not in found:
            found[column] = index
    for column in COLUMNS:
        if column not in found:
            raise DataError("rubric.roster.missing_column", column=LABELS[column],
                            columns=", ".join(map(str, source.columns)), **read.where())
    records, rows = [], []
    first_row: dict[str, int] = {}
    for position, cells in enumerate(source.itertuples(index=False)):
        label = next((c for c in cells if not blank(c)), None)
        if is_total_label(label):
            warnings.warn(DataWarning("rubric.roster.total_row", label=str(label).strip(),
                                      **read.where(position)), stacklevel=3)
            continue
        record = {column: cell_text(cells[found[column]]) for column in COLUMNS}
        for column in ("id", "name", "group"):
            if not record[column]:
                raise DataError("rubric.roster.blank", **read.where(position, found[column]))
        if record["id"] in first_row:
            raise DataError("rubric.roster.duplicate_id", value=record["id"],
                            first_row=first_row[record["id"]], **read.where(position, found["id"]))
        first_row[record["id"]] = read.rows[position]
        records.append(record)
        rows.append(read.rows[position])
    if not records:
        raise DataError("rubric.roster.empty", **read.where())
    return pd.DataFrame(records, columns=list(COLUMNS)), rows
