"""Step 5: the chart of sorted scores, marked by parts, on its description."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from logicrm_edu.checks.customer_selection import check_chart  # noqa: E402
from logicrm_edu.grading.answers import roundtrip  # noqa: E402

from .helpers import DATA, ORDER, RIGHT, RULE, classes, scored  # noqa: E402

SCORES = scored()["加权得分"].tolist()  # high to low, in ORDER
LABELS = [RIGHT.get(c, "大众客户") for c in ORDER]
COLOURS = {"关键客户": "red", "主要客户": "orange", "大众客户": "steelblue", "不开发": "grey"}


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def chart(order=ORDER, scale=1, line="v", mark="ticks", labels=LABELS, title="客户选择图"):
    by_id = dict(zip(ORDER, SCORES))
    label_of = dict(zip(ORDER, labels))
    fig, ax = plt.subplots()
    xs = range(len(order))
    heights = [by_id[c] * scale for c in order]
    ax.bar(xs, heights, color=[COLOURS[label_of[c]] for c in order] if mark == "colours" else None)
    if mark == "ticks":
        ax.set_xticks(list(xs), [f"{c}\n{label_of[c]}" for c in order])
    elif mark == "texts":
        for x, c in zip(xs, order):
            ax.text(x, by_id[c] * scale, label_of[c].removesuffix("客户"))  # 关键, 主要, 大众, 不开发
    elif mark == "colours":
        ax.legend(handles=[Patch(color=colour, label=label) for label, colour in COLOURS.items()])
    if line == "v":
        ax.axvline(4.5)  # the top is 5 places (2 key places + 3 more, P12 vetoed among them)
    elif line == "h":
        ax.axhline((SCORES[4] + SCORES[5]) / 2 * scale)
    elif line == "wrong":
        ax.axvline(2.5)
    ax.set_title(title)
    ax.set_xlabel("客户")
    ax.set_ylabel("加权得分")
    return roundtrip(ax)


def judge(answer, **kw):
    return check_chart(answer, DATA, RULE, **kw)


@pytest.mark.parametrize("kw", [{}, {"scale": 100, "line": "h"}, {"mark": "texts"},
                                {"mark": "colours", "line": "h"}])
def test_right_charts_in_several_styles(kw):
    verdict = judge(chart(**kw))
    assert verdict.passed, verdict.message("en")


def test_unsorted_bars_lose_the_bars_part_only():
    verdict = judge(chart(order=sorted(ORDER), line="h"))
    assert verdict.mistake == "selection.chart.bars_unsorted"
    assert verdict.score == pytest.approx(2 / 3)  # bars 1 of 3 points


@pytest.mark.parametrize("kw, mistake, score", [
    ({"line": None}, "selection.chart.no_line", 2 / 3),
    ({"line": "wrong"}, "selection.chart.no_line", 2 / 3),
    ({"mark": None}, "selection.chart.no_classes", 5 / 6),
    ({"title": ""}, "selection.chart.no_labels", 5 / 6),
])
def test_parts(kw, mistake, score):
    verdict = judge(chart(**kw))
    assert verdict.mistake == mistake and verdict.score == pytest.approx(score)


def test_the_students_own_classes_are_followed():
    kept = ["主要客户" if c == "P12" else lab for c, lab in zip(ORDER, LABELS)]
    drawn = chart(labels=kept)
    assert judge(drawn).mistake == "selection.chart.no_classes"
    own = classes({"P12": "主要客户"})
    assert judge(drawn, own_selected=own).passed


def test_the_teachers_points_per_part():
    verdict = judge(chart(mark=None), weights={"bars": 1, "line": 1, "classes": 0, "labels": 1})
    assert verdict.passed and [p.name for p in verdict.parts] == ["bars", "line", "labels"]


def test_not_a_chart():
    assert judge(roundtrip([1, 2, 3])).mistake == "selection.not_a_chart"


def test_an_empty_figure_scores_nothing():
    fig, ax = plt.subplots()
    verdict = judge(roundtrip(ax))
    assert verdict.mistake == "selection.chart.no_bars" and verdict.score == 0


def test_bars_that_are_not_the_scores():
    fig, ax = plt.subplots()
    ax.bar(range(22), range(22, 0, -1))
    ax.set_title("t")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    assert judge(roundtrip(ax)).mistake == "selection.chart.bars_wrong"
