"""Properties over random customer data: right answers always pass, wrong ones never
pass, and no answer ever makes a check crash (checks.could_not_check)."""
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from logicrm_edu import share_table, tier_customers
from logicrm_edu.checks import Scheme, check_share_table, check_tiers

from .helpers import pandas_style

# revenue in 万元 with one decimal, few distinct values so that ties are common
revenues = st.lists(st.integers(min_value=1, max_value=40).map(lambda v: v * 2.5),
                    min_size=2, max_size=40)
schemes = st.builds(Scheme, cuts=st.sampled_from([(80, 95), (70, 90), (50, 80), (75, 90)]),
                    boundary=st.sampled_from(["le", "lt", "cross"]),
                    ties=st.sampled_from(["same", "order"]))
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def customers(values):
    return pd.DataFrame({"客户": [f"K{i:02d}" for i in range(len(values))], "营业收入": values})


@FAST
@given(revenues)
def test_right_tables_pass(values):
    df = customers(values)
    assert check_share_table(share_table(df), df).passed
    assert check_share_table(pandas_style(df), df).passed
    rounded = pandas_style(df).round(1)
    assert check_share_table(rounded, df).passed


@FAST
@given(revenues, st.randoms(use_true_random=False))
def test_any_tie_order_passes(values, rnd):
    df = customers(values)
    t = share_table(df)
    # shuffle customers within each tie group, keep the cumulative columns by position
    keys = t["客户"].tolist()
    groups = t.groupby("营业收入", sort=False).indices
    for positions in groups.values():
        members = [keys[p] for p in positions]
        rnd.shuffle(members)
        for p, k in zip(positions, members):
            keys[p] = k
    t["客户"] = keys
    assert check_share_table(t, df).passed


@FAST
@given(revenues, schemes, st.randoms(use_true_random=False))
def test_right_tiers_pass_in_any_row_order(values, scheme, rnd):
    df = customers(values)
    tiered = tier_customers(share_table(df), **scheme.tier_kwargs())
    assert check_tiers(tiered, df, scheme).passed
    if scheme.ties == "same":
        shuffled = tiered.sample(frac=1, random_state=rnd.randint(0, 10**6))
        assert check_tiers(shuffled, df, scheme).passed


@FAST
@given(revenues, schemes)
def test_wrong_answers_fail_with_a_named_mistake(values, scheme):
    df = customers(values)
    assume(len(set(values)) > 1)
    t = pandas_style(df)
    wrong = {
        "ascending": t.iloc[::-1],
        "fraction": t.assign(**{"比重(%)": t["比重(%)"] / 100}),
        "no_cumsum": t.assign(**{"累计营业收入": t["营业收入"]}),
    }
    if list(values) != sorted(values, reverse=True):  # cumulative before sorting
        raw = df.assign(累计营业收入=df["营业收入"].cumsum())
        wrong["unsorted"] = raw.sort_values("营业收入", ascending=False).assign(
            **{"比重(%)": t["比重(%)"].to_numpy(), "累计比重(%)": t["累计比重(%)"].to_numpy()})
    for name, table in wrong.items():
        v = check_share_table(table, df)
        assert not v.passed, name
        assert v.mistake != "checks.could_not_check", (name, str(v))
        assert v.message("zh") and v.message("en")
    tiered = tier_customers(share_table(df), **scheme.tier_kwargs())
    codes = tiered["类别"].cat.codes.to_numpy()
    assume(len(set(codes)) > 1)
    flipped = tiered.assign(类别=np.where(codes == codes[0], "C" if codes[0] != 2 else "A",
                                          tiered["类别"].astype(str)))
    v = check_tiers(flipped, df, scheme)
    assert not v.passed and v.mistake != "checks.could_not_check", str(v)
    v.message("zh"), v.message("en")


def by_the_rule(values, scheme):
    """Classes of customers taken in the given order under ``scheme`` (cumulative share),
    worked out with fractions: the rule as the task states it, independent of the checks."""
    from fractions import Fraction
    total = sum(Fraction(str(v)) for v in values)
    running, strict = Fraction(0), []
    for v in values:
        before, running = running, running + Fraction(str(v))
        share, share_before = running / total * 100, before / total * 100
        strict.append(sum(not (share_before < cut if scheme.boundary == "cross" else
                               share < cut if scheme.boundary == "lt" else share <= cut)
                          for cut in scheme.cuts))
    if scheme.ties == "same":
        best = {}
        for v, code in zip(values, strict):
            best[v] = min(best.get(v, code), code)
        strict = [best[v] for v in values]
    return ["ABC"[c] for c in strict]


@FAST
@given(revenues, schemes, st.sampled_from(["ascending", "data"]))
def test_own_table_tiered_by_the_rule_follows_through(values, scheme, order):
    # a table accumulated in the wrong order (step 3), tiered correctly as it stands
    df = customers(values)
    t = (df.sort_values("营业收入", kind="stable") if order == "ascending" else df).copy()
    t["比重(%)"] = t["营业收入"] / t["营业收入"].sum() * 100
    t["累计比重(%)"] = t["营业收入"].cumsum() / t["营业收入"].sum() * 100
    t["类别"] = by_the_rule(t["营业收入"].tolist(), scheme)
    if order == "data":
        t = t.sort_values("营业收入", ascending=False, kind="stable")
    v = check_tiers(t, df, scheme)
    assert v.passed, str(v)
    right = tier_customers(share_table(df), **scheme.tier_kwargs())
    same_as_right = dict(zip(right["客户"], right["类别"].astype(str))) == \
        dict(zip(t["客户"], t["类别"]))
    assert v.follow_through == (not same_as_right)
    # one class changed: right for the table no more, and (assumed) not right for the data
    t["类别"] = t["类别"].where(t.index != t.index[0], "C" if t["类别"].iloc[0] != "C" else "A")
    assume(dict(zip(right["客户"], right["类别"].astype(str))) != dict(zip(t["客户"], t["类别"])))
    v = check_tiers(t, df, scheme)
    assert not v.passed and v.mistake != "checks.could_not_check", str(v)
