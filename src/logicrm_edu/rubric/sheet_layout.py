"""Where things are in a generated score sheet; shared by the writer and the reader.

A score workbook has a visible scores sheet (title, rater, instructions, a
header row, then one row per subject: id in column A, name in B, one column per
criterion from C, then a total formula), a rubric sheet with the levels, and a
very hidden sheet ``_logicrm`` of key/value rows telling the importer which
rubric, rater, rows and criteria the workbook was made for — so the import
does not depend on the language or the visible text.
"""
from __future__ import annotations

import re

from .model import Rubric
from .raters import Rater

META_SHEET = "_logicrm"
FORMAT = 1
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
ID_COLUMN, NAME_COLUMN, FIRST_SCORE_COLUMN = 1, 2, 3

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(rubric: Rubric, rater: Rater) -> str:
    """``abc_presentation-group-3.xlsx``, ``member_evaluation-member-2023001-张三.xlsx``."""
    parts = [rubric.id, rater.kind] + ([rater.id] if rater.kind != "teacher" else [])
    if rater.kind == "member":
        parts.append(rater.name)
    return "-".join(safe_name(p) for p in parts) + ".xlsx"


def safe_name(text) -> str:
    """``text`` usable in a file name on Windows, macOS and Linux."""
    return _UNSAFE.sub("_", str(text))
