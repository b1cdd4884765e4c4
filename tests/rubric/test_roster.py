import pandas as pd
import pytest

from logicrm_edu import DataError
from logicrm_edu.rubric import read_roster

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
    assert caught.value.key == "data.unsupported_format"
