"""Reading a teacher's table file (XLSX or CSV) the way the teacher sees it in Excel.

One reader for customer files and class rosters, so both behave alike:

- the format is told by the file's content, not its name: a PDF, a plain zip or an
  old ``.xls`` workbook renamed to ``.xlsx`` gets one message saying what to do
  (另存为 .xlsx); CSV is read as UTF-8 (with or without BOM) or GBK, as Excel saves it;
- the header row is the first row with the most recognised headers among the first
  rows, so a merged title row ("2024级物流1班 客户数据") above the header is skipped;
- every row keeps the number Excel shows for it (title, header and blank rows
  counted), for messages that send the teacher to the right row;
- blank rows are dropped; rows hidden in Excel (or filtered out) are kept, because a
  hidden row is still in the file and Excel's own SUM counts it, and listed in
  :attr:`SheetTable.hidden_rows` so the caller can say so;
- :func:`is_total_label` tells a total row (合计 / 总计 / 小计 / Total).

Expected mistakes raise :class:`~logicrm_edu.errors.DataError`; remarks the teacher
should see without stopping are :class:`DataWarning`.
"""
from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from .errors import DataError, location
from .i18n import t

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
HEADER_SEARCH_ROWS = 20
"""The header is looked for among this many first non-blank rows."""
TOTAL_LABELS = ("合计", "总计", "小计", "共计", "总和", "汇总", "total", "subtotal",
                "grandtotal", "sum")
_TOTAL = re.compile(r"^(%s)[:：]?(\(.*\))?$" % "|".join(TOTAL_LABELS))
_PDF, _OLE, _ZIP = b"%PDF", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04"


@dataclass(frozen=True)
class SheetTable:
    """A table as the teacher sees it: the header row found, blank rows left out."""

    table: pd.DataFrame
    """The cells below the header (text from CSV, Excel's own types from XLSX);
    columns named by their header text, a blank header by its column letter."""
    rows: list[int]
    """The spreadsheet row number of each table row."""
    header_row: int
    """The spreadsheet row number of the header."""
    hidden_rows: list[int]
    """Rows hidden in Excel (kept in :attr:`table`)."""
    file: str
    """The file's name."""
    sheet: str | None
    """The sheet's name (None for CSV)."""

    def where(self, position: int | None = None, column: int | None = None) -> dict:
        """The location fields of :class:`DataError` for a table row and column position."""
        where = {"file": self.file, "sheet": self.sheet}
        if position is not None:
            where["row"] = self.rows[position]
        if column is not None:
            where.update(column=self.table.columns[column], column_index=column)
        return where


class DataWarning(UserWarning):
    """A remark about a teacher's file that does not stop the reading (a total row left
    out, hidden rows kept): the message names file, sheet and rows in zh and en."""

    def __init__(self, key: str, *, file=None, sheet=None, row=None, **fields):
        self.key, self.file, self.sheet, self.row, self.fields = key, file, sheet, row, fields
        lines = []
        for lang in ("zh", "en"):
            loc = location(lang, file=file, sheet=sheet, row=row)
            text = t(key, lang, **fields)
            lines.append(f"{loc}{t('where.colon', lang)}{text}" if loc else text)
        super().__init__("\n".join(lines))


@contextmanager
def collected_notes():
    """Collect the :class:`DataWarning` s raised inside the ``with`` block into the list it
    gives (filled when the block ends), for a command to print as plain lines; other
    warnings go on as usual."""
    notes: list[DataWarning] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        yield notes
    for item in caught:
        if isinstance(item.message, DataWarning):
            notes.append(item.message)
        else:
            warnings.warn_explicit(item.message, item.category, item.filename, item.lineno)


def read_sheet(path, *, sheet=None, recognise: Callable[[object], bool] = lambda header: False
               ) -> SheetTable:
    """Read the table in ``path`` (XLSX or CSV).

    Parameters
    ----------
    path : str or Path
        The file.
    sheet : str or int, optional
        Sheet name or 0-based index (XLSX only; default the first sheet).  A text of
        digits that is not a sheet's name is the tab's position as a teacher counts it,
        from 1 (``--sheet 2`` is the second tab, as in ``logicrm roster import``).
    recognise : callable
        Says whether a header cell is one the caller knows; the header row is the
        first row with the most such cells among the first :data:`HEADER_SEARCH_ROWS`
        non-blank rows (the first non-blank row when none has any).
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("data.not_found", file=str(path))
    kind = file_kind(path)
    if kind == "xlsx":
        grid, hidden, sheet_name = _xlsx_grid(path, sheet)
    elif kind == "csv":
        grid, hidden, sheet_name = _csv_grid(path), set(), None
    else:
        raise DataError(f"sheet.{kind}", file=path.name, suffix=path.suffix or path.name)
    numbered = [(n, cells) for n, cells in enumerate(grid, start=1) if not all(map(blank, cells))]
    header_row, header = _header(numbered, recognise)
    body = [(n, cells) for n, cells in numbered if n > header_row]
    names = _column_names(header, max([len(header)] + [len(c) for _, c in body]))
    cells = [list(c) + [None] * (len(names) - len(c)) for _, c in body]
    table = pd.DataFrame(cells, columns=range(len(names)), dtype=object)
    keep = [i for i, h in enumerate(header + [None] * (len(names) - len(header)))
            if not blank(h) or not table[i].map(blank).all()]
    table = table[keep].set_axis([names[i] for i in keep], axis=1)
    rows = [n for n, _ in body]
    return SheetTable(table, rows, header_row, sorted(hidden & set(rows)), path.name, sheet_name)


def file_kind(path: Path) -> str:
    """``"xlsx"``, ``"csv"`` or what the file really is: ``"xls"`` (old Excel),
    ``"pdf"``, ``"zip"`` (a zip that is not a workbook) or ``"unsupported"``."""
    with open(path, "rb") as handle:
        start = handle.read(8)
    if start.startswith(_PDF):
        return "pdf"
    if start.startswith(_OLE):
        return "xls"
    if start.startswith(_ZIP):
        try:
            with zipfile.ZipFile(path) as archive:
                return "xlsx" if "xl/workbook.xml" in archive.namelist() else "zip"
        except zipfile.BadZipFile:
            return "damaged"
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    return "damaged" if suffix in EXCEL_SUFFIXES else "unsupported"


def blank(cell) -> bool:
    """An empty cell: None, NaN or only spaces."""
    return cell is None or (isinstance(cell, float) and pd.isna(cell)) or str(cell).strip() == ""


def blank_cells(column: pd.Series) -> np.ndarray:
    """Empty cells of a column: NaN/None, or text of only spaces (a cell that looks empty
    in Excel); :func:`blank` for a whole column at once."""
    blank = column.isna().to_numpy(dtype=bool)
    if pd.api.types.is_numeric_dtype(column.dtype):
        return blank
    return blank | column.astype(str).str.strip().eq("").to_numpy(dtype=bool, na_value=False)


def cell_text(value) -> str:
    """Cell → text; 2023001.0 from Excel becomes "2023001"; blanks become ""."""
    if blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number_cell(cell, where: dict, *, missing: str = "data.missing_value",
                not_number: str = "data.not_number") -> float:
    """A cell that must hold a number, as a float: numbers as they are, text such as
    "1,234.5" read (thousands separators, also "，", dropped); a blank cell raises
    :class:`DataError` ``missing``, anything else (text, True/False, inf, NaN)
    ``not_number``, each with ``where`` (file, sheet, row, column)."""
    if blank(cell):
        raise DataError(missing, **where)
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        number = float(cell)
    else:
        try:
            number = float(str(cell).strip().replace(",", "").replace("，", ""))
        except ValueError:
            raise DataError(not_number, value=str(cell).strip(), **where) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise DataError(not_number, value=str(cell), **where)
    return number


def is_total_label(cell) -> bool:
    """Whether a cell reads 合计 / 总计 / 小计 / 共计 / Total / Sum (spaces, a colon
    or a bracketed unit allowed: "合 计", "总计：", "Total (万元)")."""
    if not isinstance(cell, str):
        return False
    text = re.sub(r"\s+", "", cell).lower().replace("（", "(").replace("）", ")")
    return bool(_TOTAL.match(text))


def hidden_rows_warning(read: SheetTable) -> DataWarning | None:
    """The remark that rows hidden in Excel were read like the others (None if none)."""
    if not read.hidden_rows:
        return None
    return DataWarning("sheet.hidden_rows", file=read.file, sheet=read.sheet,
                       rows="、".join(map(str, read.hidden_rows)))


# -- internals --------------------------------------------------------------

def _xlsx_grid(path: Path, sheet):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)  # formulas: the values Excel last showed
    except Exception:  # noqa: BLE001 - any failure here means a damaged workbook
        raise DataError("sheet.damaged", file=path.name, suffix=path.suffix) from None
    try:
        names = book.sheetnames
        chosen = _sheet_name(names, sheet)
        if chosen is None:
            raise DataError("data.no_sheet", file=path.name, sheet=sheet, sheets=", ".join(names))
        ws = book[chosen]
        grid = [list(r) for r in ws.iter_rows(min_row=1, max_row=ws.max_row, values_only=True)]
        hidden = {n for n, dim in ws.row_dimensions.items() if dim.hidden}
        return grid, hidden, chosen
    finally:
        book.close()


def _sheet_name(names: list[str], sheet) -> str | None:
    if sheet is None:
        return names[0]
    if isinstance(sheet, str) and sheet not in names and sheet.strip().isdigit():
        sheet = int(sheet) - 1  # a teacher counts tabs from 1
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        return names[sheet] if 0 <= sheet < len(names) else None
    return sheet if sheet in names else None


def _csv_grid(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")  # Excel in China saves CSV as GBK
    # csv records are the rows Excel shows (a quoted cell may span lines)
    return [row for row in csv.reader(io.StringIO(text, newline=""))]


def _header(numbered, recognise) -> tuple[int, list]:
    if not numbered:
        return 0, []
    candidates = numbered[:HEADER_SEARCH_ROWS]
    scores = [sum(bool(not blank(c) and recognise(c)) for c in cells) for _, cells in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    n, cells = candidates[best] if scores[best] else candidates[0]
    return n, list(cells)


def _column_names(header: list, width: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    names: list[str] = []
    for i in range(width):
        cell = header[i] if i < len(header) else None
        name = get_column_letter(i + 1) if blank(cell) else cell_text(cell)
        base, k = name, 0
        while name in names:  # two columns with the same header stay apart
            k += 1
            name = f"{base}.{k}"
        names.append(name)
    return names
