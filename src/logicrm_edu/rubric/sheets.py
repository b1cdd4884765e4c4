"""Writing the Excel score sheets, one workbook per rater, to fill in Excel or WPS.

Each workbook has the rater and the subjects pre-filled, a yellow cell per
score with data validation (a number within the criterion's range, the range
also shown in the header), a total formula, the sheet protected so that only
score cells can be edited (no password: this guards against slips, not
cheating), the rubric's levels on a second sheet and the hidden key/value
sheet described in :mod:`.sheet_layout`.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from tqdm.auto import tqdm

from ..i18n import resolve, t
from .model import Rubric, text_in
from .raters import Rater, expected_raters, rater_label, subject_names
from .sheet_layout import (FIRST_ROW, FIRST_SCORE_COLUMN, FORMAT, HEADER_ROW, ID_COLUMN,
                           META_SHEET, NAME_COLUMN, file_name)

_SCORE_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def write_score_sheets(rubric: Rubric, roster: pd.DataFrame, out_dir, *, self_rating: bool,
                       lang: str | None = None, progress: bool = True) -> list[Path]:
    """One workbook per expected rater of ``rubric`` in ``out_dir``; returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = subject_names(rubric, roster)
    paths = []
    raters = expected_raters(rubric, roster, self_rating=self_rating)
    for rater in tqdm(raters, desc=t("rubric.progress.sheets", lang, rubric=rubric.id),
                      unit=t("rubric.progress.unit_sheet", lang), disable=not progress):
        path = out_dir / file_name(rubric, rater)
        write_score_sheet(rubric, rater, names, path, lang=lang)
        paths.append(path)
    return paths


def rater_line(rater: Rater, lang: str | None = None) -> str:
    """'评分人：第1组' / 'Rater: 张三 (2023001)' as shown on the sheet."""
    return t("rubric.sheet.rater_line", lang, rater=rater_label(rater, lang))


def write_score_sheet(rubric: Rubric, rater: Rater, names: dict[str, str], path,
                      *, lang: str | None = None) -> Path:
    """Write the workbook of one rater to ``path``."""
    lang = resolve(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = t("rubric.sheet.scores_title", lang)
    _scores_sheet(sheet, rubric, rater, names, lang)
    _rubric_sheet(book.create_sheet(t("rubric.sheet.rubric_title", lang)), rubric, lang)
    _meta_sheet(book.create_sheet(META_SHEET), rubric, rater, sheet.title)
    book.save(path)
    return Path(path)


def _scores_sheet(sheet, rubric: Rubric, rater: Rater, names: dict[str, str], lang: str) -> None:
    last_score = FIRST_SCORE_COLUMN + len(rubric.criteria) - 1
    total_column = last_score + 1
    sheet["A1"] = f"{text_in(rubric.title, lang)} — {t('rubric.sheet.scores_title', lang)}"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = rater_line(rater, lang)
    sheet["A2"].font = Font(bold=True)
    sheet["A3"] = t("rubric.sheet.instructions", lang)
    headers = [t("rubric.col.id", lang), t("rubric.col.name", lang)]
    headers += [t("rubric.sheet.criterion_header", lang, name=text_in(c.name, lang),
                  low=f"{c.min_points:g}", high=f"{c.max_points:g}") for c in rubric.criteria]
    headers.append(t("rubric.sheet.total_header", lang, high=f"{rubric.max_total:g}"))
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, column, text)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    sheet.row_dimensions[HEADER_ROW].height = 45
    last_row = FIRST_ROW + len(rater.subjects) - 1
    for row, subject in enumerate(rater.subjects, start=FIRST_ROW):
        sheet.cell(row, ID_COLUMN, str(subject)).number_format = "@"
        sheet.cell(row, NAME_COLUMN, names.get(subject, ""))
        for column in range(FIRST_SCORE_COLUMN, last_score + 1):
            cell = sheet.cell(row, column)
            cell.fill, cell.protection = _SCORE_FILL, Protection(locked=False)
        first, last = get_column_letter(FIRST_SCORE_COLUMN), get_column_letter(last_score)
        sheet.cell(row, total_column, f'=IF(COUNT({first}{row}:{last}{row})=0,"",'
                                      f'SUM({first}{row}:{last}{row}))')
    for offset, criterion in enumerate(rubric.criteria):
        letter = get_column_letter(FIRST_SCORE_COLUMN + offset)
        low, high = f"{criterion.min_points:g}", f"{criterion.max_points:g}"
        rule = DataValidation(type="decimal", operator="between", allow_blank=True,
                              formula1=low, formula2=high, showErrorMessage=True, showInputMessage=True,
                              errorTitle=t("rubric.sheet.validation_title", lang),
                              error=t("rubric.sheet.validation_error", lang, low=low, high=high),
                              promptTitle=text_in(criterion.name, lang)[:32],  # Excel's limit
                              prompt=t("rubric.sheet.validation_prompt", lang, low=low, high=high))
        rule.add(f"{letter}{FIRST_ROW}:{letter}{max(last_row, FIRST_ROW)}")
        sheet.add_data_validation(rule)
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 14
    for column in range(FIRST_SCORE_COLUMN, total_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    sheet.freeze_panes = sheet.cell(FIRST_ROW, FIRST_SCORE_COLUMN)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _rubric_sheet(sheet, rubric: Rubric, lang: str) -> None:
    sheet.append([t("rubric.col.criterion", lang), t("rubric.col.range", lang),
                  t("rubric.col.level", lang), t("rubric.col.descriptor", lang)])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for criterion in rubric.criteria:
        span = f"{criterion.min_points:g}–{criterion.max_points:g}"
        name = text_in(criterion.name, lang)
        if criterion.description:
            sheet.append([name, span, "", text_in(criterion.description, lang)])
        for level in criterion.levels:
            sheet.append([name, span, f"{level.low:g}–{level.high:g}", text_in(level.descriptor, lang)])
        if not criterion.description and not criterion.levels:
            sheet.append([name, span, "", ""])
    for letter, width in zip("ABCD", (22, 10, 10, 80)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")


def _meta_sheet(sheet, rubric: Rubric, rater: Rater, scores_title: str) -> None:
    rows = [("format", FORMAT), ("rubric", rubric.id), ("rater_kind", rater.kind),
            ("rater", rater.id), ("scores_sheet", scores_title)]
    rows += [("criterion", c.id, c.min_points, c.max_points) for c in rubric.criteria]
    for row in rows:
        sheet.append(list(row))
    sheet.sheet_state = "veryHidden"
