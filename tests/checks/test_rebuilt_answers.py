"""The checks judge what the grader rebuilt from the student's kernel (grading.answers)
exactly as they judge the live objects, and say what is wrong with answers the grader
could not read."""
import json

import numpy as np
import pandas as pd
import pytest

from logicrm_edu import pareto_chart, share_table, tier_customers
from logicrm_edu.checks import (Scheme, check_audit, check_chart, check_share_table,
                                check_tiers, self_check)
from logicrm_edu.grading.answers import (MAX_ROWS, Other, TooBig, Unreadable, describe,
                                         rebuild, roundtrip)
from textbook import TABLE_3_8, TIERS_80_95

from .helpers import assert_mistake, assert_ok, loop_style, pandas_style


def as_grader_sees(value):
    """Described in the kernel, sent as JSON text, rebuilt in the grader."""
    return rebuild(json.loads(json.dumps(describe(value))))


def test_rebuilt_share_tables_pass(changhai):
    for table in (share_table(changhai), pandas_style(changhai), loop_style(changhai),
                  share_table(changhai).set_index("客户"), share_table(changhai).style):
        assert_ok(check_share_table(as_grader_sees(table), changhai))


def test_rebuilt_tiers_pass_as_table_series_or_dict(changhai):
    tiered = tier_customers(share_table(changhai))
    classes = dict(zip([row[0] for row in TABLE_3_8], TIERS_80_95[("le", "same")]))
    for answer in (tiered, tiered.set_index("客户")["类别"], classes):
        assert_ok(check_tiers(as_grader_sees(answer), changhai, Scheme()))


def test_rebuilt_audit_answers(changhai):
    answers = as_grader_sees((np.int64(14), np.float64(2000.0), "0"))
    assert_ok(check_audit(*answers, changhai))
    v = check_audit(14, 2000, as_grader_sees([0]), changhai)
    assert_mistake(v, "checks.audit_not_number", "list")


def test_wrong_rebuilt_answers_keep_their_mistake(changhai):
    t = pandas_style(changhai)
    assert_mistake(check_share_table(as_grader_sees(t.iloc[::-1]), changhai),
                   "checks.sorted_ascending")
    t = t.astype({"比重(%)": object})
    t.loc[3, "比重(%)"] = "六"
    assert_mistake(check_share_table(as_grader_sees(t), changhai), "checks.not_numbers", "六")


def test_not_a_table_names_the_students_type(changhai):
    v = assert_mistake(check_share_table(as_grader_sees(len), changhai), "checks.not_a_table")
    assert "builtin_function_or_method" in v.message("zh")
    v = assert_mistake(check_share_table(Other("set"), changhai), "checks.not_a_table", "set")
    assert "set" in v.message("en")
    assert_mistake(check_share_table(as_grader_sees(None), changhai), "checks.no_answer")


def test_not_a_chart_names_the_students_type(changhai):
    assert_mistake(check_chart(as_grader_sees(print), changhai), "checks.not_a_chart",
                   "builtin_function_or_method")
    assert_mistake(check_chart(as_grader_sees(share_table(changhai)), changhai),
                   "checks.not_a_chart", "DataFrame")


def test_too_big_answers(changhai):
    huge = pd.DataFrame({"客户": np.arange(MAX_ROWS + 1), "营业收入": 1.0})
    v = assert_mistake(check_share_table(as_grader_sees(huge), changhai),
                       "checks.answer_too_big", "DataFrame", "10001 行", "10000 行")
    assert "10001 rows" in v.message("en")
    chart = TooBig("Figure", "bytes", 9_000_000, 8_000_000)
    assert_mistake(check_chart(chart, changhai), "checks.answer_too_big", "Figure", "8000000")
    assert_mistake(check_audit(TooBig("list", "items", 20_000, 10_000), 2000, 0, changhai),
                   "checks.answer_too_big", "20000 项")


class BrokenFrame(pd.DataFrame):
    """A student's DataFrame subclass that breaks when it is measured."""

    @property
    def shape(self):
        raise RuntimeError("broken")


def test_unreadable_answers(changhai):
    v = assert_mistake(check_share_table(as_grader_sees(BrokenFrame({"a": [1]})), changhai),
                       "checks.answer_unreadable", "BrokenFrame", "出错")
    assert "BrokenFrame" in v.message("en")
    assert_mistake(check_tiers(rebuild({"kind": "table"}), changhai),
                   "checks.answer_unreadable", "格式不对")
    assert_mistake(check_chart(Unreadable("list", "cycle"), changhai),
                   "checks.answer_unreadable", "包含了它自己")


@pytest.mark.parametrize("step", ["step3", "step4", "step5"])
def test_self_check_sees_what_the_grader_sees(changhai, step):
    tiered = tier_customers(share_table(changhai))
    answer = pareto_chart(tiered) if step == "step5" else tiered
    live = self_check(step, answer, show=False)
    assert live == self_check(step, roundtrip(answer), show=False)
    assert_ok(live)
