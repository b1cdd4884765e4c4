"""The retention orders: reproducible per student, thresholds planted, teacher files read safely."""
import datetime as dt

import openpyxl
import pandas as pd
import pytest

from logicrm_edu.customer_database import customer_database
from logicrm_edu.errors import DataError
from logicrm_edu.lifecycle import lifecycle_flags
from logicrm_edu.retention_data import (AS_OF, COLUMNS, default_orders, read_orders,
                                        retention_orders)


def test_same_seed_and_student_same_orders_others_differ():
    a = retention_orders("course-key", "2024001", customers=30)
    assert a.equals(retention_orders("course-key", "2024001", customers=30))
    assert not a.equals(retention_orders("course-key", "2024002", customers=30))
    assert list(a.columns) == list(COLUMNS)
    assert a["订单号"].is_unique and a["下单日期"].is_monotonic_increasing


def test_a_known_seed_gives_known_orders():
    # pinned: the stream of random.Random is the same on every machine and Python version
    a = retention_orders("course-key", "2024001", customers=30)
    assert (len(a), a["客户编号"].nunique()) == (len(a), 30)
    first = a.iloc[0]
    assert (first["订单号"], first["营业收入"] > 0, first["成本"] > 0) == ("D202500001", True, True)


def test_money_is_whole_yuan_and_complaints_are_causes_or_blank():
    a = retention_orders("k", "s", customers=40)
    assert (a["营业收入"] % 1 == 0).all() and (a["成本"] % 1 == 0).all()
    causes = set(a["投诉原因"].dropna())
    assert causes and causes <= {"运输延误", "服务态度差", "货物丢失或损坏", "理赔处理慢",
                                 "开票或结算错误", "物流信息查询不到"}


@pytest.mark.parametrize("rules", [{}, {"idle_days": 100, "drop": 0.6, "window_days": 60}])
def test_customers_sit_exactly_on_the_thresholds(rules):
    a = retention_orders("k", "s", customers=20, lifecycle=rules)
    settings = {"window_days": 90, "drop": 0.5, "idle_days": 120, **rules}
    flags = lifecycle_flags(a, as_of=AS_OF, **settings).set_index("客户编号")
    on_idle = flags.loc["K019"]  # the second-last customer: last order exactly idle_days ago
    assert on_idle["未下单天数"] == settings["idle_days"] and on_idle["阶段"] == "衰退期"
    on_drop = flags.loc["K020"]  # the last: recent orders exactly drop × previous
    assert on_drop["近期订单数"] * 10 == on_drop["前期订单数"] * settings["drop"] * 10
    assert on_drop["阶段"] == "反复期"


def test_the_class_dataset_is_the_generator_output_saved():
    packaged = default_orders()
    generated = retention_orders("LogiCRM 教材")
    assert len(packaged) == len(generated) == 2199
    assert packaged["营业收入"].tolist() == generated["营业收入"].tolist()
    assert packaged["下单日期"].tolist() == generated["下单日期"].tolist()
    assert customer_database(packaged)["毛利"].tolist() == customer_database(generated)["毛利"].tolist()


def _write(path, header, rows, title=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "订单"
    if title:
        sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


HEADER = ["订单编号", "日期", "客户", "区域", "业务类型", "营业收入(元)", "成本", "投诉原因"]


def test_a_teachers_file_with_excel_dates_text_dates_and_day_numbers(tmp_path):
    path = _write(tmp_path / "orders.xlsx", HEADER, [
        ["D1", dt.datetime(2025, 3, 4), "K1", "华东", "快递", 500, 400, None],
        ["D2", "2025/3/5", "K1", "华东", "整车", 900, 700, "运输延误"],
        ["D3", 45722, 7, "华南", "快递", "1,200", 1000, " "],
    ], title="2025 年订单")
    orders = read_orders(path)
    assert list(orders.columns) == ["订单号", "下单日期", "客户编号", "区域", "业务类型",
                                    "营业收入", "成本", "投诉原因"]
    assert orders["下单日期"].tolist() == [pd.Timestamp("2025-03-04"), pd.Timestamp("2025-03-05"),
                                       pd.Timestamp("2025-03-06")]  # 45722 = 45658 (01-01) + 64
    assert orders["客户编号"].tolist() == ["K1", "K1", "7"]
    assert orders["营业收入"].tolist() == [500, 900, 1200]
    assert orders["投诉原因"].isna().tolist() == [True, False, True]  # a space is blank too
    assert orders["投诉原因"][1] == "运输延误"


@pytest.mark.parametrize("row, key, where", [
    (["D1", "3月4日", "K1", "华东", "快递", 5, 4, None], "retention.not_a_date", "第 2 行"),
    (["D1", None, "K1", "华东", "快递", 5, 4, None], "retention.blank_date", "第 2 行"),
    (["D1", "2025-03-04", None, "华东", "快递", 5, 4, None], "retention.blank_customer", "第 2 行"),
    (["D1", "2025-03-04", "K1", "华东", "快递", "5元", 4, None], "data.not_number", "(F)"),
    (["D1", "2025-03-04", "K1", "华东", "快递", 5, -4, None], "retention.negative_amount", "(G)"),
])
def test_bad_cells_name_file_sheet_row_and_column(tmp_path, row, key, where):
    path = _write(tmp_path / "orders.xlsx", HEADER, [row])
    with pytest.raises(DataError) as error:
        read_orders(path)
    assert error.value.key == key
    text = str(error.value)
    assert "orders.xlsx" in text and "订单" in text and where in text


def test_a_missing_column_is_named(tmp_path):
    path = _write(tmp_path / "orders.xlsx", HEADER[:-1], [["D1", "2025-03-04", "K1", "华东",
                                                           "快递", 5, 4]])
    with pytest.raises(DataError, match="投诉原因"):
        read_orders(path)


def test_csv_saved_by_excel_in_gbk(tmp_path):
    path = tmp_path / "orders.csv"
    text = "订单号,下单日期,客户编号,业务类型,营业收入,成本,投诉原因\nD1,2025/1/2,K1,快递,100,80,\n"
    path.write_bytes(text.encode("gbk"))
    orders = read_orders(path)
    assert orders["下单日期"].tolist() == [pd.Timestamp("2025-01-02")]


def test_examples_run_as_printed():
    import doctest

    from logicrm_edu import retention_data

    assert doctest.testmod(retention_data).failed == 0
