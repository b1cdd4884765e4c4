"""Exceptions that carry a bilingual, actionable message."""
from __future__ import annotations

from .i18n import t


def _column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def location(lang: str, *, file=None, sheet=None, row=None, column=None, column_index=None) -> str:
    """'文件 a.xlsx，工作表 Sheet1，第 5 行，列 "营业收入"(C)' in the chosen language."""
    parts = []
    if file is not None:
        parts.append(t("where.file", lang, file=file))
    if sheet is not None:
        parts.append(t("where.sheet", lang, sheet=sheet))
    if row is not None:
        parts.append(t("where.row", lang, row=row))
    if column is not None:
        letter = f" ({_column_letter(column_index)})" if column_index is not None else ""
        parts.append(t("where.column", lang, column=column) + letter)
    return t("where.sep", lang).join(parts)


class DataError(ValueError):
    """Bad customer data: the message names file, sheet, row and column in zh and en.

    ``key`` is the catalogue key of the mistake (e.g. ``"data.missing_column"``)
    so programs can react to the kind of error; ``file``, ``sheet``, ``row``
    (the spreadsheet row number a teacher sees: the header is row 1) and
    ``column`` locate it.
    """

    def __init__(self, key: str, *, file=None, sheet=None, row=None, column=None,
                 column_index=None, **fields):
        self.key = key
        self.file, self.sheet, self.row, self.column = file, sheet, row, column
        self.fields = fields
        where = dict(file=file, sheet=sheet, row=row, column=column, column_index=column_index)
        lines = []
        for lang in ("zh", "en"):
            loc = location(lang, **where)
            text = t(key, lang, file=file, sheet=sheet, row=row, column=column, **fields)
            lines.append(f"{loc}{t('where.colon', lang)}{text}" if loc else text)
        super().__init__("\n".join(lines))


class SchemeError(ValueError):
    """An invalid tiering scheme or argument (cuts, labels, rule names), in zh and en."""

    def __init__(self, key: str, **fields):
        self.key = key
        super().__init__(t(key, "zh", **fields) + "\n" + t(key, "en", **fields))
