"""The teacher's handout of initial passwords: one row per student, to print and cut."""
from __future__ import annotations

import os
from pathlib import Path

from ..i18n import t

COLUMNS = ("id", "name", "class", "password")
WIDTHS = (16, 12, 14, 14)


def write_password_handout(path, students, accounts) -> Path:
    """``students`` (rows with id, name, class) and their initial passwords as xlsx, readable
    by its owner only (the course folder's rights keep students out as well)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = t("classroom.handout.sheet")
    sheet.append([t(f"classroom.handout.{column}") for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for student in students:
        sheet.append([student.id, student.name, student.class_name, accounts[student.id].initial])
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(65 + index)].width = width
    for cell in sheet["A"] + sheet["D"]:
        cell.number_format = "@"  # a 学号 keeps its leading zeros
    path = Path(path)
    book.save(path)
    os.chmod(path, 0o600)
    return path
