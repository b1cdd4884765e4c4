"""Properties of the chart check over random customer data (ties common): the library's
chart always earns full marks, and a faithful chart of the student's own table — any
row order, any classes — earns full marks when that table is handed in."""

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib import pyplot as plt

from logicrm_edu import pareto_chart, share_table, tier_customers
from logicrm_edu.checks import Scheme, check_chart

from .helpers import faithful_chart

# revenue in 万元 with one decimal, few distinct values so that ties are common
revenues = st.lists(st.integers(min_value=1, max_value=40).map(lambda v: v * 2.5),
                    min_size=2, max_size=40)
schemes = st.builds(Scheme, cuts=st.sampled_from([(80, 95), (70, 90), (50, 80)]),
                    boundary=st.sampled_from(["le", "lt", "cross"]),
                    ties=st.sampled_from(["same", "order"]))
CHARTS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def customers(values) -> pd.DataFrame:
    return pd.DataFrame({"客户": [f"K{i:02d}" for i in range(len(values))], "营业收入": values})


@CHARTS
@given(revenues, schemes)
def test_library_chart_earns_full_marks(values, scheme):
    df = customers(values)
    ax = pareto_chart(tier_customers(share_table(df), **scheme.tier_kwargs()))
    verdict = check_chart(ax, df, scheme)
    plt.close(ax.figure)
    assert verdict.passed and verdict.score == 1.0, verdict.message()


@CHARTS
@given(revenues, schemes, st.randoms(use_true_random=False))
def test_faithful_chart_of_the_students_own_table(values, scheme, rnd):
    df = customers(values)
    order = list(range(len(df)))
    rnd.shuffle(order)
    own = df.iloc[order].reset_index(drop=True)
    own["累计比重(%)"] = own["营业收入"].cumsum() / own["营业收入"].sum() * 100
    own["类别"] = [rnd.choice(scheme.tier_labels) for _ in order]
    ax = faithful_chart(own, ylabel="营业收入")
    verdict = check_chart(ax, df, scheme, student_table=pd.DataFrame(own))
    plt.close(ax.figure)
    assert verdict.passed and verdict.score == 1.0, verdict.message()
