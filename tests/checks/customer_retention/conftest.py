"""Ten customers with two orders each, small enough to work every answer out by hand.

=====  =======  ====  ======  ==============================================
客户    营业收入   成本    毛利    notes
=====  =======  ====  ======  ==============================================
K01     1000     900    100    biggest revenue, thin margin (10 %)
K02      800     500    300    most gross profit: the VIP when ranked by 毛利
K03      600     400    200
K04      500     350    150
K05      400     280    120
K06      300     210     90
K07      200     120     80
K08      150      90     60
K09      100      60     40
K10       50      40     10
=====  =======  ====  ======  ==============================================

Totals: revenue 4100, gross profit 1150.  Each customer's first order (60 % of its
amounts, 快递) is on 2025-03-01, its second (40 %, 整车) on 2025-11-15.  Complaints:
运输延误 on D01 (K01), D03 (K02) and D06 (K03); 服务态度差 on D09 (K05).
"""
import pandas as pd
import pytest

from logicrm_edu.checks.customer_retention import Pyramid, Reference

AMOUNTS = {"K01": (1000, 900), "K02": (800, 500), "K03": (600, 400), "K04": (500, 350),
           "K05": (400, 280), "K06": (300, 210), "K07": (200, 120), "K08": (150, 90),
           "K09": (100, 60), "K10": (50, 40)}
COMPLAINTS = {"D01": "运输延误", "D03": "运输延误", "D06": "运输延误", "D09": "服务态度差"}
PYRAMID = Pyramid(cuts=(10, 30, 60))  # 1 VIP, 2 major, 3 ordinary, 4 small


def small_orders() -> pd.DataFrame:
    rows = []
    for n, (key, (revenue, cost)) in enumerate(AMOUNTS.items()):
        for part, (day, line, share) in enumerate((("2025-03-01", "快递", 6),
                                                   ("2025-11-15", "整车", 4))):
            order = f"D{2 * n + part:02d}"
            rows.append((order, pd.Timestamp(day), key, f"{key}公司", "华东", line,
                         revenue * share // 10, cost * share // 10, COMPLAINTS.get(order)))
    return pd.DataFrame(rows, columns=["订单号", "下单日期", "客户编号", "客户名称", "区域",
                                       "业务类型", "营业收入", "成本", "投诉原因"])


@pytest.fixture
def orders() -> pd.DataFrame:
    return small_orders()


@pytest.fixture
def reference(orders) -> Reference:
    return Reference.of(orders)


@pytest.fixture
def database(orders) -> pd.DataFrame:
    """The right database, as a student writes it with groupby."""
    db = orders.groupby("客户编号").agg(
        客户名称=("客户名称", "first"), 区域=("区域", "first"),
        首次下单日期=("下单日期", "min"), 最近下单日期=("下单日期", "max"),
        订单数=("订单号", "count"), 营业收入=("营业收入", "sum"), 成本=("成本", "sum"),
    ).reset_index()
    db["平均订单金额"] = db["营业收入"] / db["订单数"]
    db["毛利"] = db["营业收入"] - db["成本"]
    return db
