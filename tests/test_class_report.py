"""The class report on a hand-made course: 7 students in 2 classes and 4 groups, verdict
files written by hand, every expected number worked out by hand below.

Cells: step3 = step3_test (2 pt) + step3_hidden (2 pt); step4 = 1 + 2; step5 = 1 + 2.

student  class·group  step3 (4 pt)          step4 (3 pt)        step5 (3 pt)              typed in
2301     A·1          2+2 pass              1+2 pass            1+2 pass
2302     A·1          0+0 sorted_ascending  1+2 pass, follow    .75+1.5 chart_no_classes
2303     A·2          2+0 wrong_share       1+0 boundary_rule   1+2 pass                  step3
2304     B·3          0+0 sorted_ascending  0+0 wrong_tiers     0+0 chart_no_line         step4
2305     B·3          2+2 pass              1+2 pass            .75+1.5 chart_no_classes
2306     B·3          no file: not handed in
2307     B·4          a file that is not JSON: unreadable

(A = 物流2301, B = 物流2302; "follow": right given the student's own wrong step 3.)

Pass rates (passed / graded): step3 2/5 (A 1/3, B 1/2), step4 3/5 (A 2/3, B 1/2),
step5 2/5 (A 2/3, B 0/2).  Mean shares: step3 (1+0+.5+0+1)/5 = .5; step4
(1+1+1/3+0+1)/5 = 2/3; step5 (1+.75+1+0+.75)/5 = .7; class A step5 2.75/3, class B .75/2.
"""
import dataclasses
import io
import json
import math
import shutil
import string

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image

from logicrm_edu.checks import MISTAKES
from logicrm_edu.class_report import class_report, write_report
from logicrm_edu.class_report.charts import (group_pass_rate_figure, mistakes_figure,
                                             pass_rate_figure, png_bytes)
from logicrm_edu.class_report.labels import generic_hint, group_label, mistake_title
from logicrm_edu.messages import CATALOGUE
from logicrm_edu.course.nbgrader_app import gradebook
from logicrm_edu.rubric.store import open_store, save_roster

ASSIGNMENT = "abc_tiering"
A, B = "物流2301", "物流2302"
TRICKY_NAME = '钱<b>七</b> & "Q"'
STUDENTS = [("2301", "张三", A, "1"), ("2302", "李四", A, "1"), ("2303", "王五", A, "2"),
            ("2304", "赵六", B, "3"), ("2305", TRICKY_NAME, B, "3"), ("2306", "孙八", B, "3"),
            ("2307", "周九", B, "4")]
POINTS = {"step3": (2.0, 2.0), "step4": (1.0, 2.0), "step5": (1.0, 2.0)}
NBGRADER_CONFIG = """import os
c = get_config()
HERE = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "logistics-crm"
c.CourseDirectory.root = HERE
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db")
"""


def step(name, visible, hidden, mistake=None, follow=False):
    """The two cells of a step: points earned in the visible and the hidden test."""
    cells = {}
    for suffix, data, score, points in (("test", "handed", visible, POINTS[name][0]),
                                        ("hidden", "variant", hidden, POINTS[name][1])):
        cells[f"{name}_{suffix}"] = {
            "step": name, "data": data, "points": points, "score": score,
            "passed": score == points, "mistake": None if score == points else f"checks.{mistake}",
            "follow_through": follow}
    return cells


def record(student, *steps, hardcoded=()):
    cells = {}
    for cells_of_step in steps:
        cells.update(cells_of_step)
    return {"student": student, "assignment": ASSIGNMENT, "graded_at": "2026-11-30T08:00:00+0000",
            "cells": cells, "hardcoded": list(hardcoded)}


RECORDS = {
    "2301": record("2301", step("step3", 2, 2), step("step4", 1, 2), step("step5", 1, 2)),
    "2302": record("2302", step("step3", 0, 0, "sorted_ascending"),
                   step("step4", 1, 2, follow=True), step("step5", .75, 1.5, "chart_no_classes")),
    "2303": record("2303", step("step3", 2, 0, "wrong_share"), step("step4", 1, 0, "boundary_rule"),
                   step("step5", 1, 2), hardcoded=["step3"]),
    "2304": record("2304", step("step3", 0, 0, "sorted_ascending"),
                   step("step4", 0, 0, "wrong_tiers"), step("step5", 0, 0, "chart_no_line"),
                   hardcoded=["step4"]),
    "2305": record("2305", step("step3", 2, 2), step("step4", 1, 2),
                   step("step5", .75, 1.5, "chart_no_classes")),
}


def write_verdicts(course):
    """The hand-made verdict files: five graded students, 2306 none, 2307 not JSON."""
    folder = course / ".logicrm" / "verdicts" / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    for student, content in RECORDS.items():
        (folder / f"{student}.json").write_text(json.dumps(content, ensure_ascii=False),
                                                encoding="utf-8")
    (folder / "2307.json").write_text('{"student": "2307", "cells": {', encoding="utf-8")
    (folder / "2301.4242.tmp").write_text("half-written by a grader", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def handmade(tmp_path_factory):
    """A course folder with the roster in nbgrader's gradebook and the rubric store, and the
    verdict files (made once: a new gradebook takes seconds)."""
    course = tmp_path_factory.mktemp("class_report") / "course"
    course.mkdir()
    (course / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
    with gradebook(course) as gb:
        for sid, name, _, _ in STUDENTS:
            gb.update_or_create_student(sid, last_name=name, first_name="")
    roster = pd.DataFrame(STUDENTS, columns=["id", "name", "class", "group"])
    save_roster(open_store(course), roster)
    write_verdicts(course)
    return course


@pytest.fixture
def course(handmade, tmp_path):
    """A private copy of the hand-made course, to change freely."""
    return shutil.copytree(handmade, tmp_path / "course")


@pytest.fixture(scope="module")
def report(handmade):
    return class_report(handmade, ASSIGNMENT)


# the numbers ----------------------------------------------------------------------------------

def test_headcounts_per_course_class_and_group(report):
    counts = lambda c: (c.students, c.graded, c.not_handed_in, c.unreadable)  # noqa: E731
    assert counts(report.course) == (7, 5, 1, 1)
    assert {c.class_name: counts(c) for c in report.classes} == {A: (3, 3, 0, 0), B: (4, 2, 1, 1)}
    assert {(g.class_name, g.group): counts(g) for g in report.groups} == {
        (A, "1"): (2, 2, 0, 0), (A, "2"): (1, 1, 0, 0), (B, "3"): (3, 2, 1, 0),
        (B, "4"): (1, 0, 0, 1)}


def test_pass_rates_mean_shares_follow_through_and_typed_in_answers(report):
    assert report.steps == ("step3", "step4", "step5")
    assert report.step_points == {"step3": 4, "step4": 3, "step5": 3}
    course = report.course.steps
    assert [(course[s].passed, course[s].judged) for s in report.steps] == [(2, 5), (3, 5), (2, 5)]
    assert course["step3"].pass_rate == pytest.approx(0.4)
    assert [course[s].mean_share for s in report.steps] == pytest.approx([0.5, 2 / 3, 0.7])
    assert [course[s].follow_through for s in report.steps] == [0, 1, 0]
    assert [course[s].hardcoded for s in report.steps] == [1, 1, 0]
    a, b = report.classes
    assert [a.steps[s].pass_rate for s in report.steps] == pytest.approx([1 / 3, 2 / 3, 2 / 3])
    assert [b.steps[s].pass_rate for s in report.steps] == pytest.approx([1 / 2, 1 / 2, 0])
    assert a.steps["step5"].mean_share == pytest.approx(2.75 / 3)
    assert b.steps["step5"].mean_share == pytest.approx(0.375)
    nobody = next(g for g in report.groups if g.group == "4")
    assert nobody.steps["step3"].pass_rate is None and nobody.steps["step3"].mean_share is None


def test_mistakes_counted_once_per_student_most_frequent_first(report):
    found = [(m.mistake.removeprefix("checks."), m.step, m.students, m.by_class, m.by_group)
             for m in report.mistakes]
    assert found == [
        ("sorted_ascending", "step3", 2, {A: 1, B: 1}, {(A, "1"): 1, (B, "3"): 1}),  # 2302, 2304
        ("chart_no_classes", "step5", 2, {A: 1, B: 1}, {(A, "1"): 1, (B, "3"): 1}),  # 2302, 2305
        ("wrong_share", "step3", 1, {A: 1}, {(A, "2"): 1}),  # 2303
        ("boundary_rule", "step4", 1, {A: 1}, {(A, "2"): 1}),  # 2303
        ("wrong_tiers", "step4", 1, {B: 1}, {(B, "3"): 1}),  # 2304
        ("chart_no_line", "step5", 1, {B: 1}, {(B, "3"): 1})]  # 2304
    assert [m.mistake for m in report.review()] == [
        "checks.sorted_ascending", "checks.chart_no_classes", "checks.wrong_share"]


def typed_in_everywhere(course):
    """2306 hands in answers typed in from the textbook: right on the handed data, unchanged on
    the other data, in every step (as autograding records it: the hidden cells fail with
    ``checks.hardcoded``)."""
    content = record("2306", step("step3", 2, 0, "hardcoded"), step("step4", 1, 0, "hardcoded"),
                     step("step5", 1, 0, "hardcoded"), hardcoded=["step3", "step4", "step5"])
    (course / ".logicrm" / "verdicts" / ASSIGNMENT / "2306.json").write_text(
        json.dumps(content), encoding="utf-8")


def test_typed_in_answers_are_reported_apart_from_the_mistakes(course, report):
    typed_in_everywhere(course)
    changed = class_report(course, ASSIGNMENT)
    assert changed.mistakes == report.mistakes and changed.review() == report.review()
    assert "checks.hardcoded" in changed.students[5].steps["step3"].mistakes  # students sheet
    # typed in per step: 2303 (step 3), 2304 (step 4) and now 2306 (all three)
    assert [changed.course.steps[s].hardcoded for s in changed.steps] == [2, 2, 1]
    assert [s.id for s in changed.typed_in()] == ["2303", "2304", "2306"]
    # 2306 fails every step: pass rates step3 2/6, step4 3/6, step5 2/6
    assert [changed.course.steps[s].pass_rate for s in changed.steps] == pytest.approx(
        [1 / 3, 1 / 2, 1 / 3])


def test_one_row_per_student_in_roster_order(report):
    rows = {r.id: r for r in report.students}
    assert list(rows) == [s[0] for s in STUDENTS]
    assert [rows[s].state for s in rows] == ["graded"] * 5 + ["missing", "unreadable"]
    second = rows["2302"].steps
    assert (second["step5"].score, second["step5"].points) == (2.25, 3)
    assert second["step4"].follow_through and second["step4"].passed
    assert second["step3"].mistakes == ("checks.sorted_ascending",)
    assert rows["2303"].hardcoded == ("step3",)
    assert rows["2305"].name == TRICKY_NAME and rows["2306"].steps == {}
    assert [(u.file, u.reason) for u in report.unreadable] == [
        ("2307.json", "class_report.bad.json")]


def test_a_student_with_verdicts_but_not_on_the_roster_is_counted_without_a_class(course):
    (course / ".logicrm" / "verdicts" / ASSIGNMENT / "2399.json").write_text(
        json.dumps(record("2399", step("step3", 2, 2))), encoding="utf-8")
    report = class_report(course, ASSIGNMENT)
    assert (report.course.students, report.course.graded) == (8, 6)
    assert report.course.steps["step3"].pass_rate == pytest.approx(3 / 6)
    assert report.course.steps["step4"].judged == 5  # 2399 has no step4 cells
    stray = report.classes[-1]
    assert (stray.class_name, stray.students, stray.graded) == ("", 1, 1)
    assert report.students[-1].id == "2399"


def test_no_verdicts_yet_means_everyone_not_handed_in(course):
    for path in (course / ".logicrm" / "verdicts" / ASSIGNMENT).iterdir():
        path.unlink()
    report = class_report(course, ASSIGNMENT)
    assert (report.course.graded, report.course.not_handed_in) == (0, 7)
    assert report.steps == () and report.mistakes == ()
    assert pass_rate_figure(report) is None and mistakes_figure(report) is None


# malformed verdict files ------------------------------------------------------------------------

def _good():
    return json.loads(json.dumps(RECORDS["2301"]))


def _changed(path, value):
    content = _good()
    *parents, last = path
    target = content
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return json.dumps(content)


@pytest.mark.parametrize("text, reason", [
    ("[1, 2]", "format"),
    ("null", "format"),
    (_changed(["cells"], {}), "format"),
    (_changed(["cells"], []), "format"),
    (_changed(["cells", "step3_test", "score"], KeyError), "format"),
    (_changed(["cells", "step3_test", "score"], "2"), "format"),
    (_changed(["cells", "step3_test", "score"], 3.0), "format"),  # above the cell's 2 points
    (_changed(["cells", "step3_test", "score"], -1), "format"),
    (_changed(["cells", "step3_test", "points"], True), "format"),
    (_changed(["cells", "step3_test", "points"], 0), "format"),
    (_changed(["cells", "step3_test", "passed"], False), "format"),  # 2 of 2 points
    (_changed(["cells", "step3_test", "mistake"], 7), "format"),
    (_changed(["cells", "step3_test", "step"], ""), "format"),
    (_changed(["cells", "step3_test", "follow_through"], "no"), "format"),
    (_changed(["cells", "step3_test"], "passed"), "format"),
    (_changed(["hardcoded"], "step3"), "format"),
    (_changed(["hardcoded"], KeyError), "format"),
    (_changed(["student"], "2399"), "other"),
    (_changed(["assignment"], "other_assignment"), "other"),
    (_changed(["cells", "step3_test", "score"], float("nan")), "format"),
    ("[" * 100_000, "json"),
    ("", "json"),
])
def test_a_malformed_file_is_set_aside_and_counted(course, text, reason):
    (course / ".logicrm" / "verdicts" / ASSIGNMENT / "2301.json").write_text(text, encoding="utf-8")
    report = class_report(course, ASSIGNMENT)
    assert {u.student: u.reason for u in report.unreadable} == {
        "2301": f"class_report.bad.{reason}", "2307": "class_report.bad.json"}
    assert (report.course.graded, report.course.unreadable) == (4, 2)
    assert report.students[0].state == "unreadable"
    assert report.course.steps["step3"].judged == 4


def test_bytes_that_are_not_utf8_and_a_folder_in_place_of_a_file(course):
    folder = course / ".logicrm" / "verdicts" / ASSIGNMENT
    (folder / "2301.json").write_bytes(b'{"student": "\xff\xfe"}')
    (folder / "2302.json").unlink()
    (folder / "2302.json").mkdir()
    reasons = {u.student: u.reason for u in class_report(course, ASSIGNMENT).unreadable}
    assert reasons == {"2301": "class_report.bad.json", "2302": "class_report.bad.unopenable",
                       "2307": "class_report.bad.json"}


# titles and hints -------------------------------------------------------------------------------

def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


# what grading records besides the checks' mistakes: a missing answer, the program stopping
RECORDED = [*MISTAKES, "task.undefined", "task.grader_only", "grading.kernel_died",
            "grading.second_run_stopped"]


def test_every_mistake_has_a_short_distinct_title_without_fields():
    for lang, longest in (("zh", 16), ("en", 36)):
        titles = [mistake_title(m, lang) for m in RECORDED]
        assert len(set(titles)) == len(RECORDED), lang
        for mistake, title in zip(RECORDED, titles):
            assert title != mistake and len(title) <= longest, (mistake, title)
            # the report's own short name, or one the mistake's messages module gives it
            key = next(k for k in ("class_report.title." + mistake.removeprefix("checks."),
                                   f"{mistake}.title") if k in CATALOGUE)
            assert not _fields(CATALOGUE[key][lang])


def test_generic_hints_fill_every_field_without_a_students_facts():
    for mistake in RECORDED:
        for lang in ("zh", "en"):
            raw = CATALOGUE[f"{mistake}.hint"][lang]
            hint = generic_hint(mistake, lang)
            assert hint and not any("{" + f + "}" in hint for f in _fields(raw)), (mistake, hint)
    assert 'sort_values("〈列名〉", ascending=False)' in generic_hint("checks.sorted_ascending", "zh")
    assert "all N customers" in generic_hint("checks.missing_customers", "en")
    assert "ax2.set_ylim(0, …)" in generic_hint("checks.chart_line_axis_range", "zh")
    assert generic_hint("checks.made_up_mistake", "zh") == ""
    assert mistake_title("checks.made_up_mistake", "zh") == "checks.made_up_mistake"


# charts -----------------------------------------------------------------------------------------

def test_pass_rate_chart_has_one_bar_per_class_and_step(report):
    figure = pass_rate_figure(report, "zh")
    ax = figure.axes[0]
    heights = [round(bar.get_height(), 4) for bar in ax.patches]
    assert heights == [round(x, 4) for x in (1 / 3, 2 / 3, 2 / 3, 1 / 2, 1 / 2, 0)]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["第 3 步", "第 4 步", "第 5 步"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [f"{A}（已评分 3 人）",
                                                                   f"{B}（已评分 2 人）"]
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["33%", "67%", "67%", "50%", "50%", "0%"]
    picture = Image.open(io.BytesIO(png_bytes(figure)))
    assert picture.format == "PNG" and picture.width > 600


def test_group_pass_rate_chart_has_one_bar_per_graded_group_and_step(report):
    ax = group_pass_rate_figure(report, "zh").axes[0]
    # A·1 (2301 all, 2302 step 4 only), A·2 (2303 step 5 only), B·3 (2305 steps 3-4, 2304
    # none); B·4 has no one graded and no bars
    heights = [round(bar.get_height(), 4) for bar in ax.patches]
    assert heights == [round(x, 4) for x in (1 / 2, 1, 1 / 2, 0, 0, 1, 1 / 2, 1 / 2, 0)]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        f"{A} 小组 1（已评分 2 人）", f"{A} 小组 2（已评分 1 人）", f"{B} 小组 3（已评分 2 人）"]
    assert ax.get_title() == "各小组各步骤通过率"
    assert [t.get_text() for t in ax.texts] == ["50%", "100%", "50%", "0%", "0%", "100%",
                                                "50%", "50%", "0%"]
    picture = Image.open(io.BytesIO(png_bytes(ax.figure)))
    assert picture.format == "PNG" and picture.width == 880


def test_group_labels():
    assert group_label(A, "1", "zh") == f"{A} 小组 1"
    assert group_label(A, "", "zh") == f"{A}（未分组）"
    assert group_label("", "", "en") == "(no class) (no group)"


def test_no_group_chart_when_the_roster_has_no_groups(report):
    ungrouped = dataclasses.replace(report, groups=tuple(
        dataclasses.replace(g, group="") for g in report.groups))
    assert group_pass_rate_figure(ungrouped) is None


def test_mistakes_chart_most_frequent_at_the_top(report):
    ax = mistakes_figure(report, "en").axes[0]
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == [2, 2, 1, 1, 1, 1]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["step 3: sorted low to high", "step 5: classes not marked"]
    assert ax.yaxis_inverted()


# the spreadsheet --------------------------------------------------------------------------------

def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_sheets_numbers_and_formats(report, tmp_path):
    paths = write_report(report, tmp_path / "out", lang="zh")
    assert set(paths) == {"xlsx", "html"} and paths["html"].is_file()
    book = load_workbook(paths["xlsx"])
    assert book.sheetnames == ["总览", "错误", "学生", "班级与小组"]

    overview = book["总览"]
    rows = _rows(overview)
    assert rows[0] == ["步骤", "满分", f"{A} 通过率", f"{B} 通过率", "全部 通过率", "平均得分率",
                       "按本人前一步判对（人）", "手填答案（人）"]
    assert [r[0] for r in rows[1:]] == ["第 3 步", "第 4 步", "第 5 步"]
    expected = [[4, 1 / 3, 1 / 2, 2 / 5, 1 / 2, 0, 1], [3, 2 / 3, 1 / 2, 3 / 5, 2 / 3, 1, 1],
                [3, 2 / 3, 0, 2 / 5, 7 / 10, 0, 0]]
    for got, want in zip(rows[1:], expected):
        assert got[1:] == pytest.approx(want)
    assert overview["C2"].number_format == "0%" and overview.freeze_panes == "B2"
    assert overview.column_dimensions["H"].width >= 8

    mistakes = _rows(book["错误"])
    assert mistakes[0][:9] == ["步骤", "错误", "人数", A, B, f"{A} 小组 1", f"{A} 小组 2",
                               f"{B} 小组 3", f"{B} 小组 4"]
    assert mistakes[1][:9] == ["第 3 步", "按从低到高排序", 2, 1, 1, 1, 0, 1, 0]  # 2302, 2304
    assert "〈列名〉" in mistakes[1][9] and mistakes[1][10] == "checks.sorted_ascending"
    assert [r[2] for r in mistakes[1:]] == [2, 2, 1, 1, 1, 1]
    assert [r[5:9] for r in mistakes[3:]] == [[0, 1, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0],
                                              [0, 0, 1, 0]]  # 2303 twice, then 2304 twice
    assert book["错误"].freeze_panes == "C2"

    students = _rows(book["学生"])
    assert students[0][:8] == ["学号", "姓名", "班级", "小组", "状态", "第 3 步（4 分）",
                               "第 4 步（3 分）", "第 5 步（3 分）"]
    by_id = {r[0]: r for r in students[1:]}
    assert by_id["2302"][5:8] == [0, 3, 2.25]
    assert by_id["2302"][8] == "第 3 步：按从低到高排序，第 5 步：图上没有标出类别"
    assert by_id["2302"][9] == "第 4 步" and by_id["2303"][10] == "第 3 步"
    assert by_id["2305"][1] == TRICKY_NAME
    assert by_id["2306"][4] == "未交" and by_id["2306"][5] is None
    assert by_id["2307"][4] == "评分记录无法读取"
    name_width = book["学生"].column_dimensions["B"].width
    assert name_width >= len(TRICKY_NAME)  # sized to the longest name

    cohorts = _rows(book["班级与小组"])
    assert [r[:6] for r in cohorts[1:]] == [
        [A, "（全班）", 3, 3, 0, 0], [A, "1", 2, 2, 0, 0], [A, "2", 1, 1, 0, 0],
        [B, "（全班）", 4, 2, 1, 1], [B, "3", 3, 2, 1, 0], [B, "4", 1, 0, 0, 1],
        ["全部", None, 7, 5, 1, 1]]
    assert cohorts[6][6:] == [None, None, None]  # group 4: nobody graded, no rate
    assert cohorts[2][6:] == pytest.approx([1 / 2, 1, 1 / 2])


def _title(chart):
    return "".join(run.t for paragraph in chart.title.tx.rich.p for run in paragraph.r or ())


def test_workbook_carries_native_bar_charts_of_its_own_cells(report, tmp_path):
    book = load_workbook(write_report(report, tmp_path, lang="zh")["xlsx"])
    (passes,) = book["总览"]._charts
    assert (passes.tagname, passes.type, _title(passes)) == ("barChart", "col", "各步骤通过率")
    # one series per class: its pass-rate column, named by its header, over the three steps
    assert [(s.tx.strRef.f, s.val.numRef.f) for s in passes.series] == [
        ("'总览'!C1", "'总览'!$C$2:$C$4"), ("'总览'!D1", "'总览'!$D$2:$D$4")]
    categories = passes.series[0].cat
    assert (categories.numRef or categories.strRef).f == "'总览'!$A$2:$A$4"
    assert (passes.y_axis.scaling.min, passes.y_axis.scaling.max) == (0, 1)

    (mistakes,) = book["错误"]._charts
    assert (mistakes.type, _title(mistakes)) == ("bar", "最常见的错误")
    (counts,) = mistakes.series  # the 人数 column of the six mistakes
    assert counts.val.numRef.f == "'错误'!$C$2:$C$7"
    assert mistakes.x_axis.scaling.orientation == "maxMin"
    assert book["学生"]._charts == [] and book["班级与小组"]._charts == []


def test_workbook_without_mistakes_has_no_mistakes_chart(course, tmp_path):
    for path in (course / ".logicrm" / "verdicts" / ASSIGNMENT).glob("*.json"):
        if path.stem != "2301":
            path.unlink()
    book = load_workbook(write_report(class_report(course, ASSIGNMENT), tmp_path)["xlsx"])
    assert len(book["总览"]._charts) == 1 and book["错误"]._charts == []


def test_workbook_in_english(report, tmp_path):
    book = load_workbook(write_report(report, tmp_path, lang="en")["xlsx"])
    assert book.sheetnames == ["overview", "mistakes", "students", "classes and groups"]
    assert _rows(book["mistakes"])[0][5] == f"{A} group 1"
    assert _rows(book["mistakes"])[1][:2] == ["step 3", "sorted low to high"]
    assert _title(book["mistakes"]._charts[0]) == "Most frequent mistakes"
    assert math.isclose(book["overview"]["F3"].value, 2 / 3)
