"""The manual-grading workbook: written for the teacher, read back all or nothing.

One sheet, one row per student and manual step: 学号, 姓名, 步骤, 学生的答案,
评分要点, 满分 (the key columns, not to be edited), then 得分 and 评语 to fill in.
The header row and the key columns stay in view, long text wraps, and Excel/WPS
refuse a score that is not a number from 0 to the row's 满分 (a data validation;
the import checks again, since validation is easily pasted over).

Reading finds columns by their header in either language and collects every
mistake (file, sheet, row, column) before anything is written: a sheet with one
mistake writes nothing.  A student's text is always stored as text, never as a
formula.
"""
from __future__ import annotations

import math
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, location
from ..i18n import t
from .manual_grades import ManualGrade, ManualStep

COLUMNS = ("id", "name", "step", "answer", "mark_scheme", "max_score", "score", "comment")
KEY_COLUMNS = ("id", "name", "step", "max_score")
REQUIRED = KEY_COLUMNS + ("score", "comment")
WIDTHS = {"id": 12, "name": 10, "step": 22, "answer": 60, "mark_scheme": 50, "max_score": 7,
          "score": 8, "comment": 36}
LINE_POINTS, MAX_ROW_POINTS = 15, 300


def header(column: str, lang: str | None = None) -> str:
    return t(f"manual.col.{column}", lang)


# writing -------------------------------------------------------------------------------------

def write_sheet(path, grades: list[ManualGrade]) -> None:
    """Write the workbook for ``grades`` to ``path`` (headers in the language in force)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = t("manual.sheet_title")
    sheet.append([header(c) for c in COLUMNS])
    letters = {c: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    fill_in, key_fill = PatternFill("solid", fgColor="FFF2CC"), PatternFill("solid", fgColor="DDEBF7")
    for row, grade in enumerate(grades, start=2):
        values = {"id": grade.student, "name": grade.name, "step": grade.step.label,
                  "answer": grade.answer, "mark_scheme": grade.step.mark_scheme,
                  "max_score": grade.step.max_score, "score": grade.score,
                  "comment": grade.comment}
        for column, value in values.items():
            cell = sheet[f"{letters[column]}{row}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # "=..." from a student is text, not a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column in ("score", "comment"):
            sheet[f"{letters[column]}{row}"].fill = fill_in
        sheet.row_dimensions[row].height = _height(values)
    for column, letter in letters.items():
        sheet.column_dimensions[letter].width = WIDTHS[column]
        top = sheet[f"{letter}1"]
        top.font = Font(bold=True)
        top.fill = fill_in if column in ("score", "comment") else key_fill
        top.alignment = Alignment(wrap_text=True, vertical="center")
    score, top = letters["score"], letters["max_score"]
    rule = DataValidation(type="custom", allow_blank=True, showErrorMessage=True,
                          formula1=f"AND(ISNUMBER({score}2),{score}2>=0,{score}2<={top}2)",
                          errorTitle=t("manual.validation_title"), error=t("manual.validation"))
    rule.add(f"{score}2:{score}{max(len(grades) + 1, 2)}")
    sheet.add_data_validation(rule)
    sheet.freeze_panes = "D2"  # the header row and who/which step stay in view
    book.save(path)


def _height(values: dict) -> float:
    """Row height for the wrapped text of the widest-running cell."""
    lines = 1
    for column in ("answer", "mark_scheme", "comment", "step"):
        width = WIDTHS[column] - 2
        text = values[column] or ""
        lines = max(lines, sum(max(1, math.ceil(_display_width(part) / width))
                               for part in str(text).splitlines() or [""]))
    return min(LINE_POINTS * lines, MAX_ROW_POINTS)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# reading -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetMistake:
    """One mistake in the workbook, where the teacher sees it."""

    key: str
    """Catalogue key of the message."""
    row: int | None = None
    column: str | None = None
    column_index: int | None = None
    """0-based, for the column letter."""
    fields: dict = field(default_factory=dict)
    """Values for the message; a ``{"zh": ..., "en": ...}`` value is taken in its language."""

    def text(self, lang: str, file: str, sheet: str | None) -> str:
        where = location(lang, file=file, sheet=sheet, row=self.row, column=self.column,
                         column_index=self.column_index)
        fields = {k: v[lang] if isinstance(v, dict) else v for k, v in self.fields.items()}
        return f"{where}{t('where.colon', lang)}{t(self.key, lang, **fields)}"


class ManualSheetError(InputError):
    """Every mistake of a manual-grading workbook, in zh then en; nothing was written."""

    def __init__(self, file: str, sheet: str | None, mistakes: list[SheetMistake]):
        self.file, self.sheet, self.mistakes = file, sheet, mistakes
        lines = []
        for lang in ("zh", "en"):
            lines.append(t("manual.import.mistakes", lang, file=file, count=len(mistakes)))
            lines += [f"  - {m.text(lang, file, sheet)}" for m in mistakes]
        super().__init__("\n".join(lines))


def read_sheet(path, expected: dict[tuple[str, str], ManualGrade],
               steps: list[ManualStep]) -> list[ManualGrade]:
    """The filled-in grades of workbook ``path``: one :class:`ManualGrade` per row, with
    the row's score and comment (None where blank).

    ``expected`` maps (student id, step label) to the grade the export wrote for it.
    Raises :class:`ManualSheetError` listing every mistake when there is any.
    """
    path = Path(path)
    book = _open(path)
    sheet = book.worksheets[0]
    reader = _Reader(expected, steps)
    columns = reader.headers(next(sheet.iter_rows(max_row=1, values_only=True), ()))
    if columns is not None:
        for row, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            reader.row(row, values, columns)
    if reader.mistakes:
        raise ManualSheetError(path.name, sheet.title, reader.mistakes)
    return reader.grades


def _open(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise ManualSheetError(path.name, None, [SheetMistake("manual.import.not_found",
                                                              fields={"path": path})])
    try:
        return load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError, TypeError):
        raise ManualSheetError(path.name, None, [SheetMistake("manual.import.not_xlsx")]) from None


def _plain(value) -> str:
    """A cell's value as text ("" for blank); 2301.0 from Excel reads as "2301"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Reader:
    """Checks rows one by one, keeping every mistake."""

    def __init__(self, expected, steps):
        self.expected = expected
        self.students = {student for student, _ in expected}
        self.labels = {label for _, label in expected}
        self.known_steps = "、".join(s.label for s in steps)
        self.mistakes: list[SheetMistake] = []
        self.grades: list[ManualGrade] = []
        self.first_row: dict[tuple[str, str], int] = {}
        self.names: dict[str, str] = {}

    def headers(self, values) -> dict[str, int] | None:
        """Column → 0-based index, or None (with a mistake) when a needed one is missing."""
        spellings = {_key(header(c, lang)): c for c in COLUMNS for lang in ("zh", "en")}
        columns = {}
        for index, value in enumerate(values):
            column = spellings.get(_key(_plain(value)))
            if column is not None and column not in columns:
                columns[column] = index
                self.names[column] = _plain(value)  # as the teacher sees it in the file
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            self.mistakes.append(SheetMistake(
                "manual.import.missing_columns", row=1,
                fields={"columns": {"zh": "、".join(header(c, "zh") for c in missing),
                                    "en": ", ".join(header(c, "en") for c in missing)}}))
            return None
        return columns

    def add(self, key, row, column, columns, **fields):
        self.mistakes.append(SheetMistake(key, row, self.names[column], columns[column], fields))

    def row(self, row: int, values: tuple, columns: dict[str, int]) -> None:
        cells = {c: (values[i] if i < len(values) else None) for c, i in columns.items()}
        text = {c: _plain(v) for c, v in cells.items()}
        if not any(text.values()):
            return  # a blank line a teacher left between rows
        student, label = text["id"], text["step"]
        grade = self.expected.get((student, label))
        if student not in self.students:
            self.add("manual.import.unknown_student", row, "id", columns, student=student or "-")
        if label not in self.labels:
            self.add("manual.import.unknown_step", row, "step", columns, step=label or "-",
                     known=self.known_steps)
        if grade is None and student in self.students and label in self.labels:
            # both known, but not together: the student has no such step (another notebook)
            self.add("manual.import.no_such_grade", row, "step", columns, student=student,
                     step=label)
        score = self.score(row, cells["score"], grade, columns)
        if grade is None:
            return
        if (student, label) in self.first_row:
            self.add("manual.import.duplicate", row, "id", columns, student=student, step=label,
                     first=self.first_row[student, label])
            return
        self.first_row[student, label] = row
        if text["name"] != grade.name:
            self.add("manual.import.key_edited", row, "name", columns, value=text["name"] or "-",
                     expected=grade.name)
        if _number(cells["max_score"]) != grade.step.max_score:
            self.add("manual.import.key_edited", row, "max_score", columns,
                     value=text["max_score"] or "-", expected=f"{grade.step.max_score:g}")
        comment = text["comment"] or None
        self.grades.append(ManualGrade(grade.student, grade.name, grade.step, grade.answer,
                                       score, comment))

    def score(self, row, value, grade, columns) -> float | None:
        """The row's score (None when blank or wrong, a mistake recorded when wrong)."""
        if _plain(value) == "":
            return None
        number = _number(value)
        top = f"{grade.step.max_score:g}" if grade else "?"
        if number is None:
            self.add("manual.import.not_number", row, "score", columns, value=_plain(value),
                     top=top)
        elif number < 0:
            self.add("manual.import.negative", row, "score", columns, value=f"{number:g}", top=top)
        elif grade is not None and number > grade.step.max_score:
            self.add("manual.import.above_max", row, "score", columns, value=f"{number:g}", top=top)
        else:
            return number
        return None


def _key(text: str) -> str:
    return "".join(text.split()).lower()


def _number(value) -> float | None:
    """A finite number from a number cell or from text such as "1.5" or "１.５"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        try:
            number = float(unicodedata.normalize("NFKC", _plain(value)))
        except ValueError:
            return None
    return number if math.isfinite(number) else None


# the round trip ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ManualExport:
    """What an export wrote."""

    path: Path
    grades: list[ManualGrade]
    kept_aside: Path | None
    """Where an earlier workbook of the same name went (it may hold unimported marks)."""


def default_path(course_dir, assignment: str) -> Path:
    """``<course>/export/<assignment>_人工评分.xlsx`` (the file name in the language in force)."""
    return Path(course_dir) / "export" / t("manual.file_name", assignment=assignment)


def export_sheet(course_dir, assignment: str, out=None) -> ManualExport:
    """Write the manual-grading workbook of ``assignment`` (atomically; an earlier file
    at the same place is moved to ``export/earlier/<time>/``, never overwritten)."""
    from .manual_grades import manual_grades
    from .safe_files import keep_aside, write_with

    grades = manual_grades(course_dir, assignment)
    path = Path(out) if out else default_path(course_dir, assignment)
    kept = keep_aside(path, path.parent / "earlier") if path.exists() else None
    write_with(path, lambda tmp: write_sheet(tmp, grades))
    return ManualExport(path, grades, kept)


def import_sheet(course_dir, assignment: str, path):
    """Check workbook ``path`` against the gradebook and, only when it has no mistake,
    write its scores and comments (:func:`~.manual_grades.write_manual_grades`)."""
    from .manual_grades import manual_grades, manual_steps, write_manual_grades

    current = manual_grades(course_dir, assignment)
    expected = {(g.student, g.step.label): g for g in current}
    grades = read_sheet(path, expected, manual_steps(course_dir, assignment))
    return write_manual_grades(course_dir, assignment, grades)
