"""Step 2: count, total and missing values of the customer data."""
import numpy as np
import pytest

from logicrm_edu.checks import check_audit

from .helpers import assert_mistake, assert_ok


@pytest.fixture
def gappy(changhai):
    """The textbook data with two blank revenues (customers 6 and 11), as a teacher might set."""
    df = changhai.copy()
    df["营业收入"] = df["营业收入"].astype(float)
    df.loc[[5, 10], "营业收入"] = np.nan
    return df  # total of the rest: 2000 − 68 − 12 = 1920


def test_right_answers(changhai, gappy):
    assert_ok(check_audit(14, 2000, 0, changhai))
    assert_ok(check_audit(14.0, 2000.0, 0, changhai))
    assert_ok(check_audit("14", "2000", "0", changhai))
    assert_ok(check_audit(np.int64(14), np.float64(2000.04), np.int64(0), changhai))
    assert_ok(check_audit(14, 1920, 2, gappy))
    gappy["备注"] = [None] * 13 + ["VIP"]      # 13 more blanks in the whole table
    assert_ok(check_audit(14, 1920, 15, gappy))


def test_english_columns():
    from logicrm_edu import load_dataset
    assert_ok(check_audit(14, 2000, 0, load_dataset("changhai", lang="en")))


def test_count_mistakes(changhai, gappy):
    assert_mistake(check_audit(2, 2000, 0, changhai), "checks.count_is_columns", "shape[0]")
    assert_mistake(check_audit(15, 2000, 0, changhai), "checks.count_off_by_one", "表头")
    assert_mistake(check_audit(12, 1920, 2, gappy), "checks.count_skips_missing", "count()")
    assert_mistake(check_audit(20, 2000, 0, changhai), "checks.wrong_count", "len(df)")


def test_total_mistakes(changhai):
    assert_mistake(check_audit(14, 2000 / 14, 0, changhai), "checks.total_is_mean", "sum()")
    assert_mistake(check_audit(14, 105, 0, changhai), "checks.total_of_wrong_column", "“客户”")
    assert_mistake(check_audit(14, 1990, 0, changhai), "checks.wrong_total", "1990")


def test_missing_mistakes(gappy):
    assert_mistake(check_audit(14, 1920, 12, gappy), "checks.missing_counted_present", "isna()")
    assert_mistake(check_audit(14, 1920, 1, gappy), "checks.wrong_missing", "isna()")


def test_answers_not_given_or_not_numbers(changhai):
    assert_mistake(check_audit(None, 2000, 0, changhai), "checks.audit_no_answer", "客户数")
    assert_mistake(check_audit(14, changhai["营业收入"], 0, changhai), "checks.audit_not_number",
                   "营业收入合计", "Series")
    assert_mistake(check_audit(14, 2000, "zero", changhai), "checks.audit_not_number", "缺失值个数")


def test_text_in_a_number_column(changhai):
    df = changhai.copy()
    df["营业收入"] = df["营业收入"].astype(object)
    df.loc[2, "营业收入"] = "一百"      # customer 3: not a number
    df.loc[4, "营业收入"] = None        # customer 5: blank
    # total of the numbers: 2000 − 100 − 120 = 1780; blanks 1, blank or not a number 2
    assert_ok(check_audit(14, 1780, 1, df))
    assert_ok(check_audit(14, 1780, 2, df))
    assert_mistake(check_audit(14, 1780, 3, df), "checks.wrong_missing")
