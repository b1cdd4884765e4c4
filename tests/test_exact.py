"""Cut-offs and numbers given as floats are read as the decimals a person meant."""
import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logicrm_edu import load_dataset, share_table, tier_codes, tier_customers
from logicrm_edu.exact import as_fraction, at_most
from textbook import ORDER

# a notebook's float slider sends these (0.7 * 100, 0.1 * 3 * 100, ...), typed-in floats
# are the shortest repr of a short decimal
FLOAT_READINGS = [(70.00000000000001, Fraction(70)), (79.99999999999999, Fraction(80)),
                  (80.05, Fraction(8005, 100)), (94.99999999999999, Fraction(95)),
                  (0.1 + 0.2, Fraction(3, 10)), (80, Fraction(80)), ("95.5", Fraction(191, 2)),
                  (np.float64(70.00000000000001), Fraction(70))]


@pytest.mark.parametrize("cut,meant", FLOAT_READINGS)
def test_float_cuts_are_read_as_the_decimal_meant(cut, meant):
    assert as_fraction(cut) == meant


def test_float_slider_cut_keeps_the_textbook_classes():
    # textbook table 3-8 with cuts 70 / 95: A while cum ≤ 70 (4: 37, 1: 66.5); 2 is at 73.5;
    # B up to 94.9 (2, 5, 3, 6, 7, 8, 10); 12 (96.9) is tied with 10 → B; 9, 14, 11, 13 C
    table = share_table(load_dataset("changhai"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the bug was an int64 overflow warning
        tiered = tier_customers(table, cuts=(70.00000000000001, 95))
    assert tiered["客户"].tolist() == ORDER
    assert "".join(tiered["类别"].astype(str)) == "AABBBBBBBBCCCC"


def test_value_cuts_from_a_slider_are_exact():
    # by value: A if revenue ≥ 100, so customer 3 (exactly 100) is A, not B
    table = share_table(load_dataset("changhai"))
    tiered = tier_customers(table, cuts=(100.00000000000001, 50), by="value", ties="order")
    assert "".join(tiered["类别"].astype(str)) == "AAAAABBBCCCCCC"


def test_count_cuts_from_a_slider_are_whole_counts():
    # top 4.999999999999999 customers is the top 5, not the top 4
    codes = tier_codes(list(range(10, 0, -1)), (1.0000000000000002, 4.999999999999999),
                       by="count", ties="order")
    assert codes.tolist() == [0, 1, 1, 1, 1, 2, 2, 2, 2, 2]


def test_percentages_compared_as_decimals():
    # 79.99999999999999 is the 80 % a float sum gives: ≤ 80 holds, < 80 does not
    got = np.array([79.99999999999999, 80.00000000000001, 80.05, 80.0499])
    assert at_most(got, 80).tolist() == [True, True, False, False]
    assert at_most(got, 80, strict=True).tolist() == [False, False, False, False]
    assert at_most(got, 80.05).tolist() == [True, True, True, True]
    assert at_most(got, 80.05, strict=True).tolist() == [True, True, False, True]


short_decimals = st.integers(min_value=1, max_value=10000).map(lambda k: Fraction(k, 100))
noise = st.integers(min_value=-4, max_value=4)


def nudged(meant: Fraction, ulps: int) -> float:
    """The float nearest ``meant``, moved by a few units in the last place."""
    x = float(meant)
    for _ in range(abs(ulps)):
        x = math.nextafter(x, math.inf if ulps > 0 else -math.inf)
    return x


@settings(max_examples=200, deadline=None)
@given(short_decimals, noise)
def test_floats_near_a_short_decimal_read_as_that_decimal(meant, ulps):
    assert as_fraction(nudged(meant, ulps)) == meant


# cut-offs all at most 1 are fractions (read as percent, with a note: tests/test_tiering.py)
percent_cuts = st.integers(min_value=101, max_value=10000).map(lambda k: Fraction(k, 100))
values_st = st.lists(st.integers(min_value=1, max_value=40).map(lambda v: v * 2.5), min_size=1,
                     max_size=30).map(lambda v: sorted(v, reverse=True))


@settings(max_examples=150, deadline=None)
@given(values_st, st.lists(percent_cuts, min_size=1, max_size=3, unique=True).map(sorted),
       st.lists(noise, min_size=3, max_size=3), st.sampled_from(["le", "lt", "cross"]),
       st.sampled_from(["cumulative", "rank"]))
def test_float_cuts_tier_like_the_decimals_meant(values, cuts, ulps, boundary, by):
    as_text = [str(float(c)) for c in cuts]  # "80.05": the decimal itself
    as_floats = [nudged(c, u) for c, u in zip(cuts, ulps)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        expected = tier_codes(values, as_text, by=by, boundary=boundary)
        assert tier_codes(values, as_floats, by=by, boundary=boundary).tolist() == expected.tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(short_decimals, min_size=1, max_size=20), short_decimals, noise, st.booleans())
def test_at_most_is_exact_on_the_decimals_meant(numbers, cut, ulps, strict):
    floats = np.array([nudged(n, u) for n, u in zip(numbers, [ulps] * len(numbers))])
    expected = [(n < cut) if strict else (n <= cut) for n in numbers]
    assert at_most(floats, nudged(cut, -ulps), strict=strict).tolist() == expected
