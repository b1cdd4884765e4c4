import warnings

import numpy as np
import pytest
from matplotlib.container import BarContainer

from logicrm_edu import load_dataset, pareto_chart, share_table, synthetic_customers, \
    tier_chart, tier_customers
from textbook import ORDER, TABLE_3_8


@pytest.fixture
def tiered():
    return tier_customers(share_table(load_dataset("changhai")), cuts=(80, 95))


def _bars(ax):
    return [c for c in ax.containers if isinstance(c, BarContainer)][0]


def test_pareto_bars_sorted_heights(tiered):
    ax = pareto_chart(tiered)
    heights = [p.get_height() for p in _bars(ax)]
    assert heights == [row[1] for row in TABLE_3_8]


def test_pareto_cumulative_line_on_twin_axis_ends_at_100(tiered):
    ax = pareto_chart(tiered)
    twins = [a for a in ax.figure.axes if a is not ax]
    assert len(twins) == 1
    line = twins[0].get_lines()[0]
    assert list(line.get_ydata()) == [row[4] for row in TABLE_3_8]
    assert twins[0].get_ylim()[1] >= 100
    # cut-off lines at 80 and 95 on the percentage axis
    horizontal = sorted(float(l.get_ydata()[0]) for l in twins[0].get_lines()[1:])
    assert horizontal == [80.0, 95.0]


def test_pareto_labels_and_class_codes(tiered):
    ax = pareto_chart(tiered)
    assert ax.get_title() == "客户ABC分层图"
    assert "营业收入" in ax.get_ylabel() and "客户" in ax.get_xlabel()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[:5] == ["4\nA", "1\nA", "2\nA", "5\nA", "3\nB"]
    assert [int(t.split("\n")[0]) for t in ticks] == ORDER
    # class boundaries: between 5|3 and 12|9 (ties same → 12 is B)
    vertical = [float(l.get_xdata()[0]) for l in ax.get_lines()]
    assert vertical == [3.5, 9.5]


def test_pareto_english(tiered):
    t = tier_customers(share_table(load_dataset("changhai", lang="en"), lang="en"))
    ax = pareto_chart(t)
    assert ax.get_title() == "ABC customer tiering chart"
    assert "revenue" in ax.get_ylabel()


def test_pareto_untiered_and_raw():
    ax = pareto_chart(load_dataset("changhai"))
    assert len(_bars(ax)) == 14
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["4", "1"]


def test_pareto_many_customers_marks_classes_once(tmp_path):
    t = tier_customers(share_table(synthetic_customers(300, seed=2), key="客户编号"))
    ax = pareto_chart(t)
    assert [x.get_text() for x in ax.texts[-3:]] == ["A", "B", "C"] or \
        {"A", "B", "C"} <= {x.get_text() for x in ax.texts}
    assert len(_bars(ax)) == 300


def test_tier_chart(tiered):
    ax = tier_chart(tier_customers(share_table(load_dataset("changhai")), ties="order"))
    customer_bars, value_bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert [p.get_height() for p in value_bars] == [79.5, 15.4, 5.1]
    assert np.allclose([p.get_height() for p in customer_bars], [400 / 14, 500 / 14, 500 / 14])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C"]


def test_chinese_renders_without_missing_glyphs(tiered, tmp_path):
    ax = pareto_chart(tiered)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" would raise here
        ax.figure.savefig(tmp_path / "p.png")
        tier_chart(tiered).figure.savefig(tmp_path / "s.png")
    assert (tmp_path / "p.png").stat().st_size > 10_000
