"""Step 1: the customer database, every correct style and the named mistakes."""
import pandas as pd

from logicrm_edu.checks.customer_retention import check_database
from logicrm_edu.grading.answers import roundtrip


def judge(table, reference):
    return check_database(roundtrip(table), reference)


def test_right_in_every_usual_form(database, reference):
    assert judge(database, reference).passed
    # customer id as index, dates as text, averages rounded to whole yuan, English headings
    other = database.set_index("客户编号")
    other["首次下单日期"] = other["首次下单日期"].dt.strftime("%Y/%m/%d")
    other["平均订单金额"] = other["平均订单金额"].round(0)
    other = other.rename(columns={"订单数": "Orders", "毛利": "Gross profit (元)"})
    assert judge(other, reference).passed
    assert judge(database.iloc[::-1], reference).passed  # any row order


def test_average_divided_by_customers(database, reference):
    database["平均订单金额"] = database["营业收入"] / len(database)
    assert judge(database, reference).mistake == "retention.average_per_customer"


def test_last_date_taken_as_the_first(database, reference):
    database["最近下单日期"] = database["首次下单日期"]
    assert judge(database, reference).mistake == "retention.last_date_is_first"


def test_wrong_figures_name_the_customers(database, reference):
    database.loc[database["客户编号"] == "K03", "毛利"] = 999
    verdict = judge(database, reference)
    assert (verdict.mistake, verdict.fields["keys"]) == ("retention.profit_wrong", ["K03"])


def test_carried_columns_are_required(database, reference):
    verdict = judge(database.drop(columns=["区域"]), reference)
    assert (verdict.mistake, verdict.fields["columns"]) == ("retention.carried_missing", ["区域"])


def test_rows_per_order_or_missing_customers(database, reference, orders):
    assert judge(pd.concat([database, database.iloc[:1]]), reference).mistake == \
        "retention.repeated_rows"
    verdict = judge(database.iloc[1:], reference)
    assert (verdict.mistake, verdict.fields["keys"]) == ("retention.missing_rows", ["K01"])
    assert judge(None, reference).mistake == "retention.no_answer"
    assert judge(database["毛利"].tolist(), reference).mistake == "retention.not_a_table"
