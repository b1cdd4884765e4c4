"""The freight forwarder's customer lists: generated, packaged, and read from a teacher's
own file (real XLSX / CSV files written and read back)."""
import doctest

import openpyxl
import pandas as pd
import pytest

from logicrm_edu import churn_data
from logicrm_edu.churn_data import (default_customers, freight_customers, pyramid_tiers,
                                    read_freight_customers, student_customers)
from logicrm_edu.errors import DataError


def test_examples_run_as_printed():
    with pd.option_context("display.unicode.east_asian_width", False, "display.width", 80):
        result = doctest.testmod(churn_data, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_pyramid_of_60_customers():
    # ceil(0.6) = 1 VIP, ceil(3) = 3 → 2 key, ceil(12) = 12 → 9 general, 48 small
    tiers = pyramid_tiers(list(range(60, 0, -1)))
    assert [tiers.count(t) for t in ("VIP客户", "关键客户", "一般客户", "小客户")] == [1, 2, 9, 48]
    assert tiers[:4] == ["VIP客户", "关键客户", "关键客户", "一般客户"]


def test_a_seed_gives_the_same_table_and_students_differ():
    pd.testing.assert_frame_equal(freight_customers(30, seed="s"), freight_customers(30, seed="s"))
    assert not student_customers("c", "2601").equals(student_customers("c", "2602"))


@pytest.mark.parametrize("seed", ["a", "b", "c", 7])
def test_generated_lists_make_sense(seed):
    data = freight_customers(40, seed=seed)
    last, this = data["去年在册"].eq("是"), data["今年在册"].eq("是")
    assert last.sum() == 40 and data["客户"].is_unique and (last | this).all()
    lost = last & ~this
    assert lost.sum() >= 6 and data.loc[lost, "流失原因"].notna().all()
    assert data.loc[~lost, "流失原因"].isna().all()
    assert data.loc[lost, "流失原因"].nunique() >= 3
    answers = data.filter(like="满意度_")
    assert answers.isna().sum().sum() == 4                      # four blank answers
    assert answers.isin([0, 6]).sum().sum() == 3                # three out of range
    # never a 6 and a 0 in one dimension: together they could leave its mean unchanged
    assert not any(answers[c].eq(6).any() and answers[c].eq(0).any() for c in answers)
    assert answers.apply(lambda c: c.between(1, 5).sum()).min() > 30
    # the right retention rate and the usual wrong ones are told apart (over 0.2 points)
    start, kept, end = int(last.sum()), int((last & this).sum()), int(this.sum())
    rates = [kept / start, kept / end, end / start, 1 - kept / start]
    assert all(abs(a - b) > 0.002 for i, a in enumerate(rates) for b in rates[i + 1:])
    starts = data[last].sort_values("出口量(TEU)", ascending=False)
    assert starts["客户等级"].tolist() == pyramid_tiers(starts["出口量(TEU)"].tolist())


def test_the_packaged_class_data():
    data = default_customers()
    # counted in churn_default.csv with grep: 50 in both lists, 10 lost, 9 new
    last, this = data["去年在册"].eq("是"), data["今年在册"].eq("是")
    assert (len(data), int(last.sum()), int((last & this).sum()), int((this & ~last).sum())) == (
        69, 60, 50, 9)
    assert data.loc[last & ~this, "流失原因"].value_counts().to_dict() == {
        "服务不达要求": 4, "价格偏高": 2, "意见被忽视": 2, "员工不满": 1, "对客户冷漠": 1}


def _workbook(path, rows, title=True):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    if title:
        sheet.append(["港航货运公司客户名单（两年）"])
    header = ["客户", "航线", "客户等级", "出口量(TEU)", "去年在册", "今年在册", "流失原因",
              "满意度_准时", "重要性_准时"]
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD = [["K1", "欧地线", "VIP客户", 500, "是", "是", None, 5, 5],
        ["K2", "美加线", "小客户", 40, "是", "否", "价格偏高", None, 4],
        ["K3", "其他", "小客户", 20, "否", "是", None, 6, 3]]


def test_reads_a_teachers_workbook_below_a_title_row(tmp_path):
    data = read_freight_customers(_workbook(tmp_path / "名单.xlsx", GOOD))
    assert data["客户"].tolist() == ["K1", "K2", "K3"]
    assert data["满意度_准时"].isna().tolist() == [False, True, False]
    assert data["满意度_准时"].iloc[2] == 6                      # kept: the analysis drops it
    assert data["今年在册"].tolist() == ["是", "否", "是"]


def test_reads_csv_with_flags_as_1_and_0(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("客户,航线,客户等级,出口量(TEU),去年在册,今年在册,流失原因,满意度_准时,重要性_准时\n"
                    "K1,欧地线,VIP客户,500,1,0,员工不满,4,5\n", encoding="gbk")
    data = read_freight_customers(path)
    assert data.loc[0, ["去年在册", "今年在册", "流失原因"]].tolist() == ["是", "否", "员工不满"]


@pytest.mark.parametrize("row, key, excel_row, column", [
    (["K4", "欧地线", "小客户", 10, "也许", "是", None, 3, 3], "churn.data.bad_flag", 6, "去年在册"),
    (["K4", "欧地线", "小客户", 10, "否", "否", None, 3, 3], "churn.data.in_no_list", 6, "去年在册"),
    (["K4", "欧地线", "小客户", 10, "是", "否", None, 3, 3], "churn.data.no_cause", 6, "流失原因"),
    (["K1", "欧地线", "小客户", 10, "是", "是", None, 3, 3], "data.duplicate_id", 6, "客户"),
    (["K4", "欧地线", "小客户", "十", "是", "是", None, 3, 3], "data.not_number", 6, "出口量(TEU)"),
    (["K4", "欧地线", "小客户", 10, "是", "是", None, "很好", 3], "data.not_number", 6, "满意度_准时"),
    (["K4", None, "小客户", 10, "是", "是", None, 3, 3], "data.missing_value", 6, "航线"),
])
def test_bad_rows_name_file_sheet_row_and_column(tmp_path, row, key, excel_row, column):
    path = _workbook(tmp_path / "名单.xlsx", GOOD + [row])
    with pytest.raises(DataError) as caught:
        read_freight_customers(path)
    error = caught.value
    assert (error.key, error.row, error.column, error.sheet) == (key, excel_row, column, "客户")
    assert "名单.xlsx" in str(error) and "第 6 行" in str(error)


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("客户,航线,去年在册,今年在册\nK1,欧地线,是,是\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_freight_customers(path)
    assert caught.value.key == "data.missing_column" and "客户等级" in str(caught.value)
