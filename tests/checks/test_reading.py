"""Headings, cells and customers of a student's table (headings.py, cells.py, rows.py)."""
import numpy as np
import pandas as pd
import pytest

from logicrm_edu import columns
from logicrm_edu.checks.cells import key_text, label_text, numbers
from logicrm_edu.checks.headings import core, find_columns

ROLES = ("key", "value", "share", "cumulative", "cumulative_share", "tier")


@pytest.mark.parametrize("headings", [
    ["客户", "营业收入", "比重(%)", "累计营业收入", "累计比重(%)", "类别"],
    ["customer", "revenue", "share (%)", "cumulative revenue", "cumulative share (%)", "class"],
    ["客户编号", "营业收入（万元）", "占营业收入总额比重（%）", "累计营业收入（万元）",
     "累计占营业收入总额比重（%）", "客户类别"],
    [" 客户 ", "营业收入", "比重 （%）", "累计 营业收入", "累计比重 %", "ABC分类"],
    ["Customer", "Revenue", "Share", "Cumulative Revenue", "Cumulative Share", "Class"],
    ["客户", "营业收入", "占比", "累计值", "累计占比", "等级"],
])
def test_heading_variants(headings):
    table = pd.DataFrame(columns=headings[::-1])  # order of columns does not matter
    found = find_columns(table, ROLES, value="营业收入", key="客户")
    assert [found[r] for r in ROLES] == headings


def test_library_headings_all_found():
    for lang in ("zh", "en"):
        heads = [columns.name(r, lang) for r in ("customer", "revenue", "share")] + [
            columns.name("cumulative", lang, value=columns.name("revenue", lang)),
            columns.name("cumulative_share", lang), columns.name("tier", lang)]
        found = find_columns(pd.DataFrame(columns=heads), ROLES,
                             value=columns.name("revenue", "zh"), key="客户")
        assert [found[r] for r in ROLES] == heads


def test_core():
    assert core("累计比重（%）") == "累计比重" == core("累计 比重(%)")
    assert core("Share (%)") == "share"


def test_numbers_from_text():
    values, bad = numbers(pd.Series(["37.0", "37.0%", " 1,330 ", None, 5], dtype=object))
    assert bad is None
    np.testing.assert_array_equal(values[[0, 1, 2, 4]], [37.0, 37.0, 1330.0, 5.0])
    assert np.isnan(values[3])
    assert numbers(pd.Series(["1", "abc"]))[1] == 1
    assert numbers(pd.Series([True, False]))[1] == 0


def test_key_and_label_text():
    assert key_text(4) == key_text(4.0) == key_text("4") == key_text(" 4.0 ") == "4"
    assert key_text("C0001") == "C0001"
    assert label_text("A") == label_text("a") == label_text("A类") == label_text("A 类客户") == \
        label_text("class A") == "a"
