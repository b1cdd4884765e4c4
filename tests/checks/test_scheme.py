import numpy as np
import pytest

from logicrm_edu import SchemeError, share_table, tier_codes, tier_customers
from logicrm_edu.checks import Scheme


def test_defaults_are_the_textbook_task():
    s = Scheme()
    assert (s.cuts, s.by, s.boundary, s.ties, s.rounding, s.labels) == \
        ((80, 95), "cumulative", "le", "same", "ceil", None)
    assert s.tier_labels == ("A", "B", "C")


def test_tier_kwargs_feed_the_library(changhai):
    s = Scheme(cuts=[70, 90], ties="order", labels=["重点", "主要", "普通"])
    assert s.cuts == (70, 90) and s.labels == ("重点", "主要", "普通")
    tiered = tier_customers(share_table(changhai), **s.tier_kwargs())
    assert list(tiered["类别"].cat.categories) == ["重点", "主要", "普通"]
    values = share_table(changhai)["营业收入"].to_numpy()
    expected = tier_codes(values, **s.tier_kwargs(labels=False))
    np.testing.assert_array_equal(expected, s.codes(values))


@pytest.mark.parametrize("bad", [dict(cuts=(95, 80)), dict(boundary="ge"), dict(ties="first"),
                                 dict(by="profit"), dict(cuts=(80, 95), labels=("A", "B")),
                                 dict(cuts=(0, 50))])
def test_invalid_scheme_is_a_teacher_error(bad):
    with pytest.raises(SchemeError):
        Scheme(**bad)


def test_describe_and_replace():
    s = Scheme(cuts=(5, 20), by="rank")
    assert s.describe().key == "checks.scheme.rank"
    assert s.replace(ties="order").ties == "order" and s.ties == "same"
