import warnings
import zipfile

import pytest
from openpyxl import Workbook

from logicrm_edu import DataError
from logicrm_edu.spreadsheets import (DataWarning, collected_notes, file_kind, is_total_label,
                                      read_sheet)

KNOWN = {"客户", "营业收入", "学号"}


def known(header) -> bool:
    return header in KNOWN


def write_xlsx(path, rows, *, hidden=(), merge=None, sheets=("数据",)):
    book = Workbook()
    ws = book.active
    ws.title = sheets[0]
    for row in rows:
        ws.append(row)
    for number in hidden:
        ws.row_dimensions[number].hidden = True
    if merge:
        ws.merge_cells(merge)
    for name in sheets[1:]:
        book.create_sheet(name)
    book.save(path)
    return path


def test_title_row_merged_above_header_is_skipped(tmp_path):
    # the old reader took row 1 as the header and failed with "Unnamed: 1"
    path = write_xlsx(tmp_path / "a.xlsx", [["2024级物流1班 客户数据"], [], ["客户", "营业收入"],
                                            ["K1", 5], ["K2", 3]], merge="A1:B1")
    read = read_sheet(path, recognise=known)
    assert read.header_row == 3
    assert read.table.columns.tolist() == ["客户", "营业收入"]
    assert read.table["客户"].tolist() == ["K1", "K2"]
    assert read.rows == [4, 5]
    assert (read.file, read.sheet) == ("a.xlsx", "数据")


def test_blank_rows_are_left_out_but_counted(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["客户", "营业收入"], ["K1", 5], [], [None, None],
                                            ["K2", 3]])
    read = read_sheet(path, recognise=known)
    assert read.rows == [2, 5]  # rows 3 and 4 are blank in Excel
    assert read.where(1, 1) == {"file": "a.xlsx", "sheet": "数据", "row": 5,
                                "column": "营业收入", "column_index": 1}


def test_csv_rows_numbered_as_excel_shows_them(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("班级客户表\n\n客户,营业收入\nK1,5\n,\nK2,3\n".encode("gbk"))
    read = read_sheet(path, recognise=known)
    assert (read.header_row, read.rows, read.sheet) == (3, [4, 6], None)
    assert read.table["客户"].tolist() == ["K1", "K2"]


def test_hidden_rows_are_kept_and_listed(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["客户", "营业收入"], ["K1", 5], ["K2", 3], ["K3", 1]],
                      hidden=(3, 4))
    read = read_sheet(path, recognise=known)
    assert read.table["客户"].tolist() == ["K1", "K2", "K3"]
    assert read.hidden_rows == [3, 4]


def test_without_recognised_headers_the_first_row_is_the_header(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["名字", "数"], ["K1", 5]])
    assert read_sheet(path, recognise=known).table.columns.tolist() == ["名字", "数"]


def test_columns_without_header(tmp_path):
    # a filled column without a header is named by its letter; an empty one is dropped
    path = write_xlsx(tmp_path / "a.xlsx", [["客户", None, None, "营业收入"], ["K1", None, "x", 5]])
    assert read_sheet(path, recognise=known).table.columns.tolist() == ["客户", "C", "营业收入"]


def test_sheet_by_name_index_and_digit_text(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["客户"], ["K1"]], sheets=("说明", "2025"))
    assert read_sheet(path, sheet="2025").sheet == "2025"  # a name made of digits
    assert read_sheet(path, sheet=1).sheet == "2025"
    assert read_sheet(path, sheet="1").sheet == "说明"  # text: counted from 1, like the tabs
    with pytest.raises(DataError) as err:
        read_sheet(path, sheet=5)
    assert err.value.key == "data.no_sheet" and "2025" in str(err.value)


@pytest.mark.parametrize("name,content,kind", [
    ("report.xlsx", b"%PDF-1.4 ...", "pdf"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xls"),
    ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xls"),
    ("broken.xlsx", b"not a workbook", "damaged"),
    ("notes.txt", b"hello", "unsupported"),
])
def test_what_a_file_really_is(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content)
    assert file_kind(path) == kind
    with pytest.raises(DataError) as err:
        read_sheet(path)
    assert err.value.key == f"sheet.{kind}" and err.value.file == name
    zh, en = str(err.value).split("\n")
    assert name in zh and name in en


def test_zip_renamed_to_xlsx(tmp_path):
    path = tmp_path / "作业.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("客户.xlsx", b"")
    assert file_kind(path) == "zip"
    with pytest.raises(DataError) as err:
        read_sheet(path)
    assert "解压" in str(err.value) and "unzip" in str(err.value).lower()


def test_real_workbook_is_xlsx_whatever_its_name(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["客户"], ["K1"]])
    assert file_kind(path) == "xlsx"


@pytest.mark.parametrize("cell", ["合计", "总计", "小计", "合 计", "总计：", "Total", "TOTAL",
                                  "Grand Total", "合计(万元)", "合计（万元）", "Sum"])
def test_total_labels(cell):
    assert is_total_label(cell)


@pytest.mark.parametrize("cell", ["合计物流有限公司", "K1", 5, None, "", "客户合计说明"])
def test_not_total_labels(cell):
    assert not is_total_label(cell)


def test_collected_notes_keeps_other_warnings(tmp_path):
    with pytest.warns(FutureWarning):
        with collected_notes() as notes:
            warnings.warn(DataWarning("sheet.hidden_rows", file="a.xlsx", rows="3"))
            warnings.warn("pandas says", FutureWarning)
    assert len(notes) == 1 and "a.xlsx" in str(notes[0]) and "第 3 行" in str(notes[0])
