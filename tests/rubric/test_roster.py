import dataclasses
import warnings

import pandas as pd
import pytest
from openpyxl import Workbook

from logicrm_edu import DataError
from logicrm_edu.rubric import read_roster
from logicrm_edu.rubric.roster import RosterFile, read_roster_file
from logicrm_edu.spreadsheets import DataWarning

CHINESE = "学号,姓名,班级,小组\n2024001,张三,物流2401,1\n2024002,李四,物流2401,1\n2024003,王五,物流2401,2\n"


def test_chinese_headers_csv_with_bom(tmp_path):
    path = tmp_path / "花名册.csv"
    path.write_text(CHINESE, encoding="utf-8-sig")
    table = read_roster(path)
    assert list(table.columns) == ["id", "name", "class", "group"]
    assert table.to_dict("records")[0] == {"id": "2024001", "name": "张三", "class": "物流2401", "group": "1"}


def test_gbk_csv_as_excel_saves_it(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(CHINESE.encode("gbk"))
    assert read_roster(path)["name"].tolist() == ["张三", "李四", "王五"]


def test_english_headers_xlsx_with_numeric_ids(tmp_path):
    path = tmp_path / "roster.xlsx"
    pd.DataFrame({"ID": [2024001, 2024002], "Name": ["张三", "李四"], "Class": ["物流2401"] * 2,
                  "Group": [1, 1]}).to_excel(path, index=False)
    table = read_roster(path)
    assert table["id"].tolist() == ["2024001", "2024002"]  # text, not 2024001.0
    assert table["group"].tolist() == ["1", "1"]


def test_leading_zeros_kept_from_text_cells(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("学号,姓名,班级,小组\n007,张三,物流2401,A\n", encoding="utf-8")
    assert read_roster(path)["id"].tolist() == ["007"]


def test_missing_column_is_named(tmp_path):
    frame = pd.DataFrame({"学号": ["1"], "姓名": ["张三"], "班级": ["物流2401"]})
    with pytest.raises(DataError) as caught:
        read_roster(frame)
    assert caught.value.key == "rubric.roster.missing_column"
    assert "小组" in str(caught.value)


def test_blank_group_names_row_and_column(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("学号,姓名,班级,小组\n1,张三,物流2401,A\n2,李四,物流2401,\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_roster(path)
    assert (caught.value.key, caught.value.row, caught.value.column) == ("rubric.roster.blank", 3, "小组")
    assert "roster.csv" in str(caught.value) and "(D)" in str(caught.value)


def test_duplicate_id(tmp_path):
    frame = pd.DataFrame({"id": ["1", "1"], "name": ["a", "b"], "class": ["x", "x"], "group": ["g", "g"]})
    with pytest.raises(DataError) as caught:
        read_roster(frame)
    assert caught.value.key == "rubric.roster.duplicate_id" and caught.value.row == 3


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(DataError) as caught:
        read_roster(tmp_path / "roster.xlsx")
    assert caught.value.key == "data.not_found"
    (tmp_path / "roster.txt").write_text("x")
    with pytest.raises(DataError) as caught:
        read_roster(tmp_path / "roster.txt")
    assert caught.value.key == "sheet.unsupported"


def _xlsx(path, rows, *, title=None, hidden=(), sheet="花名册"):
    book = Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells("A1:E1")
    for row in rows:
        ws.append(row)
    for number in hidden:
        ws.row_dimensions[number].hidden = True
    book.create_sheet("说明")
    book.save(path)
    return path


ROWS = [["学号", "学生姓名", "班级", "组别", "备注"], ["2024001", "张三", "物流2401", "1", None],
        [None] * 5, ["2024002", "李四", "物流2401", "2", "转入"]]


def test_roster_file_under_a_title_with_new_headers(tmp_path):
    # before: the title row was taken as the header; 学生姓名 and 组别 were unknown
    path = _xlsx(tmp_path / "名单.xlsx", ROWS, title="2024级物流1班 学生名单", hidden=(5,))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        roster = read_roster_file(path)
    assert isinstance(roster, RosterFile)
    assert roster.table.to_dict("records") == [
        {"id": "2024001", "name": "张三", "class": "物流2401", "group": "1"},
        {"id": "2024002", "name": "李四", "class": "物流2401", "group": "2"}]
    assert roster.rows == [3, 5]  # title row 1, header row 2, blank row 4
    assert roster.hidden_rows == [5]
    assert roster.unknown_columns == ["备注"]
    assert (roster.file, roster.sheet) == ("名单.xlsx", "花名册")
    notes = [w.message for w in caught if isinstance(w.message, DataWarning)]
    assert [n.key for n in notes] == ["sheet.hidden_rows"] and "第 5 行" in str(notes[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        roster.file = "x"


def test_roster_sheet_by_name_or_index(tmp_path):
    path = _xlsx(tmp_path / "r.xlsx", ROWS, sheet="2班")
    assert read_roster_file(path, sheet="2班").sheet == "2班"
    assert len(read_roster_file(path, sheet=0).table) == 2
    with pytest.raises(DataError) as caught:
        read_roster_file(path, sheet="3班")
    assert caught.value.key == "data.no_sheet"


def test_errors_name_the_row_excel_shows_after_a_blank_row(tmp_path):
    # before: the blank row was dropped and the message said row 3 instead of row 4
    path = tmp_path / "roster.csv"
    path.write_text("学号,姓名,班级,小组\n1,张三,物流2401,A\n\n2,,物流2401,A\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_roster(path)
    assert (caught.value.key, caught.value.row, caught.value.column) == ("rubric.roster.blank", 4, "姓名")
    rows = [["学号", "姓名", "班级", "小组"], ["1", "张三", "x", "A"], [None] * 4, ["1", "李四", "x", "B"]]
    with pytest.raises(DataError) as caught:
        read_roster(_xlsx(tmp_path / "r.xlsx", rows, title="名单"))
    assert caught.value.key == "rubric.roster.duplicate_id" and caught.value.row == 5
    assert caught.value.fields["first_row"] == 3


@pytest.mark.parametrize("text", ["学号,姓名,班级,小组\n", "", "\n\n"])
def test_empty_roster_is_one_message(tmp_path, text):
    # before: pandas' EmptyDataError traceback for an empty file
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_roster(path)
    assert caught.value.key == "rubric.roster.empty" and caught.value.file == "roster.csv"
    assert "没有学生" in str(caught.value) and "no students" in str(caught.value)


def test_empty_xlsx_roster(tmp_path):
    path = _xlsx(tmp_path / "r.xlsx", [["学号", "姓名", "班级", "小组"]])
    with pytest.raises(DataError) as caught:
        read_roster(path)
    assert caught.value.key == "rubric.roster.empty" and caught.value.sheet == "花名册"


def test_roster_total_row_left_out(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("学号,姓名,班级,小组\n1,张三,物流2401,A\n合计,2人,,\n", encoding="utf-8")
    with pytest.warns(DataWarning) as caught:
        table = read_roster(path)
    assert table["id"].tolist() == ["1"]
    assert caught[0].message.key == "rubric.roster.total_row" and caught[0].message.row == 3


def test_pdf_renamed_roster_is_one_message(tmp_path):
    # before: zipfile.BadZipFile traceback
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"%PDF-1.5 ...")
    with pytest.raises(DataError) as caught:
        read_roster(path)
    assert caught.value.key == "sheet.pdf" and "roster.xlsx" in str(caught.value)
