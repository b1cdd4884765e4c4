import warnings

import pandas as pd
import pytest
from openpyxl import Workbook

from logicrm_edu import DataError, read_customers, share_table
from logicrm_edu.spreadsheets import DataWarning
from textbook import ORDER, REVENUE


def write_xlsx(path, rows, sheet="客户数据", extra_sheets=()):
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for name in extra_sheets:
        book.create_sheet(name)
    book.save(path)
    return path


TEXTBOOK_ROWS = [["客户", "营业收入"]] + [[k, v] for k, v in REVENUE.items()]


def test_xlsx_textbook_round_trip(tmp_path):
    df = read_customers(write_xlsx(tmp_path / "长海.xlsx", TEXTBOOK_ROWS))
    assert df["客户"].tolist() == list(REVENUE)
    assert df["营业收入"].tolist() == list(REVENUE.values())
    assert share_table(df)["客户"].tolist() == ORDER


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "data.csv"
    text = "客户编号,客户名称,营业收入（万元）\nC01,华通物流,12.5\nC02,顺和电子,7\n"
    path.write_bytes(text.encode(encoding))
    df = read_customers(path)
    assert df.columns.tolist()[:3] == ["客户", "营业收入", "客户名称"]
    assert df["客户"].tolist() == ["C01", "C02"]
    assert df["客户名称"].tolist() == ["华通物流", "顺和电子"]
    assert df["营业收入"].tolist() == [12.5, 7.0]


def test_yuan_converted_to_wanyuan(tmp_path):
    path = tmp_path / "yuan.csv"
    path.write_text("customer id,Revenue (yuan)\n1,\"5,900,000\"\n2,1400000\n", encoding="utf-8")
    df = read_customers(path)
    assert df["营业收入"].tolist() == [590.0, 140.0]
    path2 = tmp_path / "plain.csv"
    path2.write_text("客户,营业收入\n1,5900000\n", encoding="utf-8")
    assert read_customers(path2, unit="元")["营业收入"].tolist() == [590.0]


def test_english_output_names(tmp_path):
    df = read_customers(write_xlsx(tmp_path / "a.xlsx", TEXTBOOK_ROWS), lang="en")
    assert df.columns.tolist() == ["customer", "revenue"]


def test_sheet_by_name_and_index(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", TEXTBOOK_ROWS, sheet="2025年", extra_sheets=["说明"])
    assert len(read_customers(path, sheet="2025年")) == 14
    assert len(read_customers(path, sheet=0)) == 14
    with pytest.raises(DataError) as err:
        read_customers(path, sheet="2024年")
    assert "2024年" in str(err.value) and "2025年" in str(err.value)


def _error(path, **kw) -> DataError:
    with pytest.raises(DataError) as err:
        read_customers(path, **kw)
    return err.value


def test_missing_column_named(tmp_path):
    err = _error(write_xlsx(tmp_path / "a.xlsx", [["客户", "利润"], [1, 5]]))
    assert err.key == "data.missing_column"
    zh, en = str(err).split("\n")
    assert "a.xlsx" in zh and "营业收入" in zh and "利润" in zh
    assert "a.xlsx" in en and "missing" in en


def test_empty_files(tmp_path):
    blank = tmp_path / "blank.csv"
    blank.write_text("", encoding="utf-8")
    assert _error(blank).key == "data.empty"
    header_only = write_xlsx(tmp_path / "h.xlsx", [["客户", "营业收入"]])
    assert _error(header_only).key == "data.empty"


@pytest.mark.parametrize("cell,key", [("", "data.blank_id"), (None, "data.blank_id")])
def test_blank_customer_id(tmp_path, cell, key):
    rows = [["客户", "营业收入"], [1, 5], [cell, 6]]
    err = _error(write_xlsx(tmp_path / "a.xlsx", rows))
    assert err.key == key and err.row == 3 and err.column == "客户"
    assert "第 3 行" in str(err) and "row 3" in str(err) and "(A)" in str(err)


def test_duplicate_customer_id(tmp_path):
    rows = [["客户", "营业收入"], [1, 5], [2, 6], [1, 7]]
    err = _error(write_xlsx(tmp_path / "a.xlsx", rows))
    assert err.key == "data.duplicate_id" and err.row == 4
    assert "第 2 行" in str(err)  # where it first appeared


@pytest.mark.parametrize("cell,key", [("abc", "data.not_number"), ("12万", "data.not_number"),
                                      (-3, "data.negative"), (None, "data.missing_value"),
                                      ("", "data.missing_value")])
def test_bad_revenue_cells(tmp_path, cell, key):
    rows = [["客户", "营业收入"], [1, 5], [2, 6], [3, cell]]
    err = _error(write_xlsx(tmp_path / "bad.xlsx", rows, sheet="数据"))
    assert err.key == key
    assert (err.file, err.sheet, err.row, err.column) == ("bad.xlsx", "数据", 4, "营业收入")
    zh, en = str(err).split("\n")
    assert "bad.xlsx" in zh and "数据" in zh and "第 4 行" in zh and "营业收入" in zh and "(B)" in zh
    assert "row 4" in en and "column" in en


def test_bad_value_in_csv_names_row(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("客户,营业收入\n1,5\n2,n/a\n", encoding="utf-8")
    err = _error(path)
    assert err.key == "data.not_number" and err.row == 3 and err.sheet is None


def test_unreadable_and_unsupported(tmp_path):
    fake = tmp_path / "broken.xlsx"
    fake.write_bytes(b"this is not a zip file")
    assert _error(fake).key == "sheet.damaged"
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    err = _error(old)
    assert err.key == "sheet.xls" and "另存为" in str(err) and ".xlsx" in str(err)
    assert _error(tmp_path / "nope.csv").key == "data.not_found"


@pytest.mark.parametrize("content,key,advice", [
    (b"%PDF-1.7 report", "sheet.pdf", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "sheet.xls", "另存为"),
])
def test_renamed_files_get_one_message(tmp_path, content, key, advice):
    # before: "File is not a zip file" from deep inside openpyxl
    path = tmp_path / "客户.xlsx"
    path.write_bytes(content)
    err = _error(path)
    assert err.key == key and err.file == "客户.xlsx"
    assert advice in str(err) and "zip" not in str(err).split("\n")[0]


def test_unknown_unit(tmp_path):
    path = tmp_path / "u.csv"
    path.write_text("客户,营业收入(美元)\n1,5\n", encoding="utf-8")
    err = _error(path)
    assert err.key == "data.unknown_unit" and "美元" in str(err)


def test_extra_columns_kept(tmp_path):
    rows = [["客户", "区域", "营业收入", "利润"], [1, "华东", 5, -1], [2, "华南", 6, 2]]
    df = read_customers(write_xlsx(tmp_path / "a.xlsx", rows))
    assert df.columns.tolist() == ["客户", "营业收入", "区域", "利润"]
    assert df["利润"].tolist() == [-1, 2]  # profit may be negative; only the indicator is audited


def test_result_is_plain_dataframe(tmp_path):
    df = read_customers(write_xlsx(tmp_path / "a.xlsx", TEXTBOOK_ROWS))
    assert isinstance(df, pd.DataFrame) and df["营业收入"].dtype == "float64"


# -- total rows, row numbers, title rows, hidden rows ----------------------------------

def _read_noting(path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_customers(path, **kw)
    return df, [w.message for w in caught if isinstance(w.message, DataWarning)]


@pytest.mark.parametrize("label", ["合计", "总计", "小计", "Total"])
def test_total_row_at_the_bottom_is_left_out(tmp_path, label):
    # before: the total became customer #1, class A, and halved every share
    rows = TEXTBOOK_ROWS + [[label, 2000]]
    df, notes = _read_noting(write_xlsx(tmp_path / "a.xlsx", rows))
    assert df["客户"].tolist() == list(REVENUE)
    assert share_table(df)["比重(%)"].iloc[0] == 37.0  # customer 4: 740 of 2000
    assert [(n.key, n.file, n.sheet, n.row) for n in notes] == [("data.total_row", "a.xlsx",
                                                                  "客户数据", 16)]
    assert label in str(notes[0]) and "第 16 行" in str(notes[0]) and "row 16" in str(notes[0])


def test_blank_customer_with_the_sum_is_a_total_row(tmp_path):
    rows = [["客户", "营业收入"], ["K1", 5], ["K2", 3.5], [None, 8.5]]
    df, notes = _read_noting(write_xlsx(tmp_path / "a.xlsx", rows))
    assert df["客户"].tolist() == ["K1", "K2"]
    assert [(n.key, n.row) for n in notes] == [("data.total_row", 4)]


def test_blank_customer_with_another_value_is_still_an_error(tmp_path):
    rows = [["客户", "营业收入"], ["K1", 5], ["K2", 3], [None, 7]]
    err = _error(write_xlsx(tmp_path / "a.xlsx", rows))
    assert err.key == "data.blank_id" and err.row == 4


def test_total_that_does_not_match_is_reported(tmp_path):
    rows = [["客户", "营业收入"], ["K1", 5], ["K2", 3], ["合计", 9]]
    df, notes = _read_noting(write_xlsx(tmp_path / "a.xlsx", rows))
    assert len(df) == 2
    assert [n.key for n in notes] == ["data.total_row", "data.total_mismatch"]
    assert notes[1].row == 4 and "9" in str(notes[1]) and "8" in str(notes[1])


def test_subtotals_and_grand_total_are_all_left_out(tmp_path):
    rows = [["客户", "区域", "营业收入"], ["K1", "华东", 5], ["K2", "华东", 3], ["小计", None, 8],
            ["K3", "华南", 2], ["小计", None, 2], ["总计", None, 10]]
    df, notes = _read_noting(write_xlsx(tmp_path / "a.xlsx", rows))
    assert df["客户"].tolist() == ["K1", "K2", "K3"]
    assert [(n.key, n.row) for n in notes] == [("data.total_row", 4), ("data.total_row", 6),
                                               ("data.total_row", 7)]  # no mismatch


def test_rows_below_a_total_row_are_named(tmp_path):
    rows = [["客户", "营业收入"], ["K1", 5], ["K2", 3], ["合计", 8], ["K3", 1]]
    df, notes = _read_noting(write_xlsx(tmp_path / "a.xlsx", rows))
    assert df["客户"].tolist() == ["K1", "K2", "K3"]
    after = [n for n in notes if n.key == "data.rows_after_total"]
    assert len(after) == 1 and after[0].row == 4 and "第 5 行" in str(after[0])


def test_row_numbers_count_blank_rows(tmp_path):
    # before: the blank row 3 was skipped and the error said row 4
    rows = [["客户", "营业收入"], [1, 5], [None, None], [2, 6], [3, "abc"]]
    err = _error(write_xlsx(tmp_path / "a.xlsx", rows))
    assert err.key == "data.not_number" and err.row == 5 and "第 5 行" in str(err)
    path = tmp_path / "d.csv"
    path.write_text("客户,营业收入\n1,5\n\n2,6\n1,7\n", encoding="utf-8")
    err = _error(path)
    assert err.key == "data.duplicate_id" and err.row == 5 and err.fields["first_row"] == 2


def test_merged_title_row_above_the_header(tmp_path):
    # before: "缺少营业收入列。现有的列：2024级物流1班 客户数据, Unnamed: 1"
    book = Workbook()
    ws = book.active
    ws.append(["2024级物流1班 客户数据"])
    ws.merge_cells("A1:C1")
    ws.append(["制表：张老师"])
    ws.append(["客户编号", "客户名称", "营业收入（万元）"])
    ws.append(["C01", "华通物流", 12.5])
    ws.append(["C02", "顺和电子", "x"])
    book.save(tmp_path / "班级.xlsx")
    err = _error(tmp_path / "班级.xlsx")
    assert (err.key, err.row, err.column) == ("data.not_number", 5, "营业收入（万元）")


def test_hidden_rows_are_read_and_reported(tmp_path):
    book = Workbook()
    ws = book.active
    for row in TEXTBOOK_ROWS:
        ws.append(row)
    ws.row_dimensions[3].hidden = ws.row_dimensions[5].hidden = True
    book.save(tmp_path / "a.xlsx")
    df, notes = _read_noting(tmp_path / "a.xlsx")
    assert len(df) == 14  # a hidden customer is still a customer
    assert [n.key for n in notes] == ["sheet.hidden_rows"]
    assert "第 3、5 行" in str(notes[0]) and "a.xlsx" in str(notes[0])


def test_customer_name_is_the_key_without_an_id_column(tmp_path):
    rows = [["客户名称", "营业收入"], ["华通物流", 5], ["顺和电子", 3]]
    df = read_customers(write_xlsx(tmp_path / "a.xlsx", rows))
    assert df.columns.tolist() == ["客户", "营业收入"]
    assert df["客户"].tolist() == ["华通物流", "顺和电子"]
