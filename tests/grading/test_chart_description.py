"""grading.chart_description: real student-style charts read as data, the caps, the
grader's validation, and the same verdict from a description as from the live chart.

Expected values come from textbook table 3-8 (tests/textbook.py) and the figures drawn here.
"""
import copy
import json

import numpy as np
import pandas as pd
import pytest
from matplotlib import pyplot as plt
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, PercentFormatter

from checks.test_plots import twin_chart
from logicrm_edu import load_dataset, pareto_chart, share_table, tier_customers
from logicrm_edu.checks import Scheme, check_chart
from logicrm_edu.grading import chart_description
from logicrm_edu.grading.answers import Unreadable, describe, rebuild
from logicrm_edu.grading.chart_description import (ChartDescription, Malformed, describe_chart,
                                                   is_chart)
from textbook import TABLE_3_8, TIERS_80_95

CUSTOMERS = [row[0] for row in TABLE_3_8]
REVENUE = [row[1] for row in TABLE_3_8]
CUM_SHARE = [row[4] for row in TABLE_3_8]
CLASSES = TIERS_80_95[("le", "same")]    # AAAABBBBBBCCCC
X = list(range(14))


@pytest.fixture
def changhai():
    return load_dataset("changhai")


def described(obj) -> ChartDescription:
    """What the grader gets: described in the kernel, sent as JSON, rebuilt."""
    chart = rebuild(json.loads(json.dumps(describe(obj))))
    assert isinstance(chart, ChartDescription), chart
    return chart


# -- what is read ---------------------------------------------------------------------

def test_library_pareto_chart(changhai):
    ax = pareto_chart(tier_customers(share_table(changhai), cuts=(80, 95)))
    chart = described(ax)
    assert chart.source == "Axes" and not any(chart.omitted.values())
    bars_ax, line_ax = chart.axes
    assert (bars_ax.role, bars_ax.twins, line_ax.twins) == ("axes", (1,), (0,))
    assert [b.height for b in bars_ax.bars] == REVENUE
    assert [b.center for b in bars_ax.bars] == pytest.approx(X)
    assert {b.orientation for b in bars_ax.bars} == {"vertical"}
    colour = {k: {b.color for b, c in zip(bars_ax.bars, CLASSES) if c == k} for k in "ABC"}
    assert all(len(c) == 1 for c in colour.values()) and len(set.union(*colour.values())) == 3
    assert [(e.text, {e.color}) for e in bars_ax.legend] == [
        (f"{k} 类客户", colour[k]) for k in "ABC"]
    assert [t.text for t in bars_ax.xticks] == [f"{c}\n{k}" for c, k in zip(CUSTOMERS, CLASSES)]
    assert [t.position for t in bars_ax.xticks] == X
    # class boundaries: after the 4th (A) and the 10th (B) customer, across the whole height
    assert [(line.x, line.x_coords, line.y_coords) for line in bars_ax.lines] == [
        ((3.5, 3.5), "data", "axes"), ((9.5, 9.5), "data", "axes")]
    cumulative, *cuts = line_ax.lines
    assert cumulative.y == tuple(CUM_SHARE) and cumulative.x == tuple(X)
    assert cumulative.in_data_coordinates and cumulative.marker == "o"
    assert [(c.y, c.x_coords, c.y_coords) for c in cuts] == [
        ((80.0, 80.0), "axes", "data"), ((95.0, 95.0), "axes", "data")]
    assert line_ax.ylim == (0.0, 105.0) and line_ax.ylabel == "累计比重(%)"
    assert bars_ax.title == "客户ABC分层图"
    end = [t for t in line_ax.texts if t.point is not None]
    assert [(t.text, t.point, t.point_coords, t.coords) for t in end] == [
        ("100%", (13.0, 100.0), ("data", "data"), ("offset", "offset"))]
    assert sorted((t.text, t.position[1]) for t in line_ax.texts if t.point is None) == [
        ("80%", 80.0), ("95%", 95.0)]


def test_pandas_bar_chart():
    table = pd.DataFrame({"客户": CUSTOMERS, "营业收入": REVENUE})
    ax = table.plot(kind="bar", x="客户", y="营业收入")
    (axes,) = described(ax).axes
    assert [(t.position, t.text) for t in axes.xticks] == [(i, str(c)) for i, c in
                                                            enumerate(CUSTOMERS)]
    assert [b.height for b in axes.bars] == REVENUE
    assert {(b.container, b.label) for b in axes.bars} == {(0, "营业收入")}
    assert [e.text for e in axes.legend] == ["营业收入"]
    assert axes.legend[0].color == axes.bars[0].color
    assert axes.xlabel == "客户"


def test_pyplot_state_calls():
    labels = [str(c) for c in CUSTOMERS]
    plt.figure()
    plt.bar(labels, REVENUE)
    plt.ylabel("营业收入")
    plt.twinx()
    plt.plot(labels, CUM_SHARE, "o-")
    plt.ylim(0, 105)
    plt.title("帕累托图")
    plt.suptitle("图3-5")
    chart = described(plt.gcf())
    assert chart.source == "Figure" and chart.suptitle == "图3-5"
    bars_ax, line_ax = chart.axes
    assert [t.text for t in bars_ax.xticks] == labels
    assert line_ax.lines[0].x == tuple(float(i) for i in X)  # categories at 0, 1, 2, ...
    assert (line_ax.title, line_ax.ylim, bars_ax.ylabel) == ("帕累托图", (0.0, 105.0), "营业收入")


def test_percent_formatter_axis():
    fig, ax = plt.subplots()
    ax.plot(X, [c / 100 for c in CUM_SHARE])
    ax.set_ylim(0, 1.05)
    plain = described(ax).axes[0]
    ax.yaxis.set_major_formatter(PercentFormatter(1))
    percent = described(ax).axes[0]
    assert percent.formatted("y", 0.8) == "80%" and percent.formatted("y", 1.0) == "100%"
    assert [t.text for t in percent.yticks] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert plain.formatted("y", 0.8) != "80%"


def test_secondary_yaxis_with_a_percent_scale():
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.set_ylim(0, 2000)
    secondary = ax.secondary_yaxis("right", functions=(lambda v: v / 20, lambda p: p * 20))
    secondary.yaxis.set_major_formatter(PercentFormatter(100))
    secondary.set_ylabel("占营业收入总额比重（%）")
    main, child = described(fig).axes
    assert (main.role, child.role, child.parent) == ("axes", "secondary_y", 0)
    assert child.conversion == tuple((v, v / 20) for v in range(0, 2001, 200))
    assert child.ylabel == "占营业收入总额比重（%）"
    assert [(t.position, t.text) for t in child.yticks] == [
        (p, f"{p}%") for p in (0, 20, 40, 60, 80, 100)]
    assert child.bars == () and len(main.bars) == 14


def test_colour_and_legend_classes():
    colours = {"A": "#d62728", "B": "#ff7f0e", "C": "#1f77b4"}
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE, color=[colours[k] for k in CLASSES])
    ax.legend(handles=[Patch(color=c, label=f"{k}类") for k, c in colours.items()])
    fig.legend(handles=[Patch(color=colours["A"], label="重点客户")], loc="upper left")
    chart = described(ax)
    (axes,) = chart.axes
    assert [b.color for b in axes.bars] == [colours[k] for k in CLASSES]
    assert [(e.text, e.color) for e in axes.legend] == [
        ("A类", "#d62728"), ("B类", "#ff7f0e"), ("C类", "#1f77b4")]
    assert [[(e.text, e.color) for e in legend] for legend in chart.legends] == [
        [("重点客户", "#d62728")]]


def test_texts_and_annotations_with_class_labels():
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    for i, k in enumerate(CLASSES):
        ax.text(i, -60, k, ha="center")
    ax.text(0, 0, "hidden").set_visible(False)
    ax.text(0, 0, "  ")
    ax.annotate("A类客户", xy=(1.5, 740), xytext=(0.5, 0.9), textcoords="axes fraction",
                arrowprops={"arrowstyle": "->"})
    (axes,) = described(ax).axes
    plain = [t for t in axes.texts if t.point is None]
    assert [(t.text, t.position, t.coords) for t in plain] == [
        (k, (float(i), -60.0), ("data", "data")) for i, k in enumerate(CLASSES)]
    (note,) = [t for t in axes.texts if t.point is not None]
    assert (note.text, note.position, note.coords, note.point, note.point_coords) == (
        "A类客户", (0.5, 0.9), ("axes", "axes"), (1.5, 740.0), ("data", "data"))


def test_explicit_tick_labels_twiny_and_hidden_labels():
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.set_xticks(X, [f"{c}\n{k}" for c, k in zip(CUSTOMERS, CLASSES)])
    top = ax.twiny()
    top.set_xticks([0, 13], ["第一", "最后"])
    ax.tick_params(axis="y", labelleft=False)
    main, twin = described(ax).axes
    assert main.twins == (1,) and twin.twins == (0,)
    assert main.xticks[0].text == "4\nA" and main.xticks[-1].text == "13\nC"
    assert [t.text for t in twin.xticks] == ["第一", "最后"]
    assert main.yticks and {t.text for t in main.yticks} == {""}


def test_what_counts_as_a_chart():
    fig, axes = plt.subplots(1, 2)
    assert all(is_chart(x) for x in (fig, axes[0], axes, list(axes), (fig, axes[0]),
                                     axes[0].bar(X, REVENUE)))
    assert not any(is_chart(x) for x in ([1, 2], "chart", None, axes[0].plot(X, X)))
    assert described(axes).source == "ndarray" and len(described(axes).axes) == 2
    with pytest.raises(TypeError):
        describe_chart([1, 2])


# -- caps and a student's code that raises --------------------------------------------

def test_caps_leave_out_and_count(monkeypatch):
    monkeypatch.setattr(chart_description, "MAX_BARS", 10)
    monkeypatch.setattr(chart_description, "MAX_CHART_POINTS", 100)
    monkeypatch.setattr(chart_description, "MAX_TEXTS", 3)
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.plot(np.arange(200), np.arange(200))    # too many points for what is left
    ax.plot(X, CUM_SHARE)
    for k in CLASSES:
        ax.text(0, 0, k)
    ax.set_title("长" * 300)
    chart = described(ax)
    (axes,) = chart.axes
    assert len(axes.bars) == 10 and chart.omitted["bars"] == 4
    long, short = axes.lines
    assert (long.x, long.points, short.y) == ((), 200, tuple(CUM_SHARE))
    assert chart.omitted["points"] == 1
    assert len(axes.texts) == 3 and chart.omitted["texts"] == 11
    assert axes.title == "长" * 200 and chart.omitted["chars"] == 1


def test_a_students_formatter_that_raises():
    def broken(value, pos):
        raise ValueError("oops")

    fig, ax = plt.subplots()
    ax.plot(X, CUM_SHARE)
    ax.yaxis.set_major_formatter(FuncFormatter(broken))
    chart = described(ax)
    assert chart.axes[0].yticks == () and chart.omitted["errors"] == 1
    assert chart.axes[0].lines[0].y == tuple(CUM_SHARE)


# -- the grader's validation ----------------------------------------------------------

def _good_node() -> dict:
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.twinx().plot(X, CUM_SHARE)
    return json.loads(json.dumps(describe_chart(ax)))


@pytest.mark.parametrize("spoil", [
    lambda n: n["axes"][0]["bars"][0].update(height="740"),
    lambda n: n["axes"][0]["bars"][0].update(height=float("nan")),
    lambda n: n["axes"][0].update(extra=1),
    lambda n: n.update(kind="table"),
    lambda n: n["axes"][1].update(role="secondary_y", parent=1),
    lambda n: n["axes"][0].update(role="inset"),
    lambda n: n.update(axes=n["axes"] * 11),
    lambda n: n["axes"][1]["lines"][0].update(x=[0.0]),
    lambda n: n["axes"][0].update(title="题" * 201),
    lambda n: n["axes"][0].update(twins=[5]),
    lambda n: n["omitted"].update(bars=-1),
    lambda n: n["axes"][0]["xticks"].append([0.0]),
    lambda n: n["axes"][0]["texts"].append({"text": "A", "coords": ["data", "elsewhere"],
                                            "position": [0, 0], "point": None,
                                            "point_coords": None}),
])
def test_malformed_descriptions(spoil):
    node = _good_node()
    ChartDescription.from_dict(copy.deepcopy(node))  # the unspoilt one is fine
    spoil(node)
    with pytest.raises(Malformed):
        ChartDescription.from_dict(node)
    assert rebuild(node) == Unreadable("JSON", "malformed")


# -- one reading path: the same verdict live and described ----------------------------

FRACTIONS = [c / 100 for c in CUM_SHARE]


def _percent_twin():
    ax = twin_chart(line=FRACTIONS, ylim=(0, 1.05))
    ax.figure.axes[1].yaxis.set_major_formatter(PercentFormatter(1))
    return ax


@pytest.mark.parametrize("make", [
    twin_chart, lambda: twin_chart(title=""), lambda: twin_chart(ylim=None),
    lambda: twin_chart(classes=TIERS_80_95[("le", "order")]),
    lambda: twin_chart(revenue=np.cumsum(REVENUE)),
    lambda: twin_chart(line=FRACTIONS, ylim=(0, 1.05)), _percent_twin,
    lambda: pareto_chart(tier_customers(share_table(load_dataset("changhai")))),
], ids=["right", "no_title", "axis_range", "wrong_classes", "bar_heights", "fraction",
        "percent_formatter", "library"])
def test_same_verdict_live_and_described(changhai, make):
    ax = make()
    for scheme in (None, Scheme()):
        assert check_chart(ax, changhai, scheme) == check_chart(described(ax), changhai, scheme)
