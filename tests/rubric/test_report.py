import pandas as pd

from logicrm_edu.rubric import course_marks, group_chart, group_report, open_course, write_group_reports
from logicrm_edu.rubric.report import flag_messages
from logicrm_edu.rubric.rubric_files import SHIPPED_DIR, load_rubric

from .test_marks import score_golden_course


def test_chart_bars_labels_and_factors():
    rubric = load_rubric(SHIPPED_DIR / "abc_presentation.toml")
    criteria = pd.DataFrame({"criterion": ["table", "chart"], "teacher": [20.0, 10.0], "peers": [25.0, None]})
    members = pd.DataFrame({"name": ["张三", "李四"], "factor": [1.2, 0.8]})
    figure = group_chart(criteria, members, rubric)
    left, right = figure.axes
    assert [t.get_text() for t in left.get_xticklabels()][:2] == ["分层表正确并讲解清楚", "分层图展示并讲解"]
    heights = [p.get_height() for p in left.patches]
    assert heights[:2] == [80.0, 50.0]  # teacher: 20/25, 10/20 as percent
    assert heights[5] == 100.0  # peers on "table": 25/25
    assert [t.get_text() for t in left.get_legend().get_texts()] == ["教师评分", "其他小组评分"]
    assert [p.get_height() for p in right.patches] == [1.2, 0.8]
    assert [t.get_text() for t in right.get_xticklabels()] == ["张三", "李四"]
    figure.savefig(__import__("io").BytesIO(), format="png")  # renders; Glyph warnings fail the test


def test_group_report_html(golden_course):
    score_golden_course(golden_course)
    course = open_course(golden_course)
    marks = course_marks(course)
    html = group_report("G1", course, marks)
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in html
    assert "data:image/png;base64," in html
    for name, factor in (("Alice", "1.130"), ("Elaine", "0.417")):
        assert name in html and factor in html
    assert "<td>否</td>" in html  # Elaine handed nothing in
    paths = write_group_reports(course, marks, golden_course / "reports", lang="en", progress=False)
    assert [p.name for p in paths] == ["report-G1.html", "report-G2.html", "report-G3.html"]
    assert "Presentation report: group G2" in paths[1].read_text(encoding="utf-8")


def test_flag_sentences_use_names():
    flags = pd.DataFrame([{"scope": "members", "group": "G1", "kind": "low_by_all", "rater": None,
                           "ratee": "a5", "value": 0.4},
                          {"scope": "groups", "group": None, "kind": "full_marks", "rater": "G3",
                           "ratee": None, "value": 1.0}])
    roster = pd.DataFrame({"id": ["a5"], "name": ["Elaine"]})
    assert flag_messages(flags, roster, "G1") == [
        "小组 G1 组员互评：所有组员给 Elaine 的分数都明显偏低（平均低 40% 满分）。"]
    assert flag_messages(flags, roster, "G3", "en") == ["peer-group ratings: G3 gave everyone full marks."]
    assert len(flag_messages(flags, roster, None)) == 2
