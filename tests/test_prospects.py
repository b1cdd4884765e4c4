"""Prospect lists: the class dataset, per-student lists, teachers' own files."""
import doctest

import openpyxl
import pandas as pd
import pytest

from logicrm_edu import prospects
from logicrm_edu.errors import DataError
from logicrm_edu.prospects import (COLUMNS, RATINGS, load_prospects, read_prospects,
                                   student_prospects, vary_prospects)


def test_class_dataset_facts_by_hand():
    df = load_prospects()
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == 22
    # 5200 + 300 + 1600 + 800 + 1500 + 900 + 350 + 1200 + 260 + 2200 + 2200 + 4900 + 600 + 150
    # + 420 + 500 + 700 + 180 + 400 + 950 + 230 + 2000
    assert df["月均件量"].sum() == 27540
    assert df.loc[df["信用等级"] == "差", "客户"].tolist() == ["P12", "P16"]
    # two branches of one chain with the same figures: the tie of the assignment
    same = ["月均件量", "单件收入", "信用等级", "经营年限", "距离"]
    assert df.set_index("客户").loc["P10", same].equals(df.set_index("客户").loc["P11", same])


def test_student_lists_are_reproducible_and_personal():
    a = student_prospects("seed", "s1")
    assert a.equals(student_prospects("seed", "s1"))
    assert not a.equals(student_prospects("seed", "s2"))
    assert not a.equals(student_prospects("other", "s1"))


@pytest.mark.parametrize("student", [f"2025{i:04d}" for i in range(30)])
def test_student_lists_are_usable(student):
    df = student_prospects("course", student)
    assert list(df.columns) == list(COLUMNS) and len(df) == 22
    assert df["客户"].is_unique and df["客户名称"].is_unique
    assert set(df["信用等级"]) <= set(RATINGS) and (df["信用等级"] == "差").any()
    for column in ("月均件量", "单件收入", "经营年限", "距离"):
        assert df[column].nunique() > 1 and (df[column] > 0).all()


def test_variant_keeps_prospects_and_changes_figures():
    df = load_prospects()
    new = vary_prospects(df, "x")
    assert new[["客户", "客户名称", "行业"]].equals(df[["客户", "客户名称", "行业"]])
    assert not new["距离"].equals(df["距离"])
    assert new.equals(vary_prospects(df, "x"))


def _xlsx(path, rows, title=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


HEADER = ["客户", "客户名称", "行业", "月均件量(件)", "单件收入（元）", "信用等级", "经营年限", "距离(公里)",
          "竞争对手", "特殊要求"]
GOOD = [["K1", "甲公司", "电商", 900, 5.5, "优", 3, 2.5, "是", "无"],
        ["K2", "乙公司", "医药", 300, 18, "差", 8, 6, "否", "冷链"]]


def test_teacher_file_with_title_row_and_units(tmp_path):
    df = read_prospects(_xlsx(tmp_path / "名单.xlsx", [HEADER, *GOOD], title="城东分部潜在客户"))
    assert list(df.columns) == list(COLUMNS)
    assert df["客户"].tolist() == ["K1", "K2"]
    assert df["月均件量"].tolist() == [900, 300]
    assert df["距离"].tolist() == [2.5, 6.0]


def test_gbk_csv(tmp_path):
    path = tmp_path / "名单.csv"
    pd.DataFrame(GOOD, columns=HEADER).to_csv(path, index=False, encoding="gbk")
    assert read_prospects(path)["信用等级"].tolist() == ["优", "差"]


@pytest.mark.parametrize("row, key, excel_row, column", [
    (["K2", "乙", "医药", 300, 18, "一般", 8, 6, "否", "无"], "selection.data.unknown_rating", 3, "信用等级"),
    (["K2", "乙", "医药", "三百", 18, "优", 8, 6, "否", "无"], "selection.data.not_number", 3, "月均件量(件)"),
    (["K2", "乙", "医药", 300, 18, "优", 8, -1, "否", "无"], "selection.data.negative", 3, "距离(公里)"),
    (["K2", "乙", "医药", 300, None, "优", 8, 6, "否", "无"], "selection.data.missing_value", 3, "单件收入（元）"),
    (["K1", "乙", "医药", 300, 18, "优", 8, 6, "否", "无"], "selection.data.duplicate_id", 3, "客户"),
    ([None, "乙", "医药", 300, 18, "优", 8, 6, "否", "无"], "selection.data.blank_id", 3, "客户"),
])
def test_bad_cells_name_file_sheet_row_and_column(tmp_path, row, key, excel_row, column):
    path = _xlsx(tmp_path / "名单.xlsx", [HEADER, GOOD[0], row])
    with pytest.raises(DataError) as err:
        read_prospects(path)
    assert err.value.key == key
    assert (err.value.file, err.value.sheet, err.value.row) == ("名单.xlsx", "名单", excel_row)
    assert err.value.column == column
    assert "名单.xlsx" in str(err.value) and "第 3 行" in str(err.value)


def test_missing_column(tmp_path):
    path = _xlsx(tmp_path / "a.xlsx", [HEADER[:7], GOOD[0][:7]])
    with pytest.raises(DataError) as err:
        read_prospects(path)
    assert err.value.key == "selection.data.missing_column" and "距离" in str(err.value)


def test_docstring_examples_run():
    failures, _ = doctest.testmod(prospects, optionflags=doctest.ELLIPSIS)
    assert failures == 0
