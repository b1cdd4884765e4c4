"""Each student's printable page and the skills sheet, written with the final grades."""
import pandas as pd
from openpyxl import load_workbook

from logicrm_edu.rubric import export_final_grades
from logicrm_edu.rubric.store import open_store, save_roster

from .test_skills import course  # noqa: F401  (the fixture: a real gradebook, two assignments)


def test_pages_and_skills_come_with_the_final_grades(course):  # noqa: F811
    roster = pd.DataFrame([("s1", "张三", "物流2601", "1"), ("s2", "李<四>", "物流2601", "1"),
                           ("s3", "王五", "物流2602", "2")], columns=["id", "name", "class", "group"])
    save_roster(open_store(course), roster)
    paths = export_final_grades(course)

    pages = sorted(p.name for p in paths["students"].iterdir())
    assert pages == ["s1_张三.html", "s2_李_四_.html", "s3_王五.html"]
    page = (paths["students"] / "s2_李_四_.html").read_text(encoding="utf-8")
    assert "课程成绩单：李&lt;四&gt;（s2）" in page and "<四>" not in page
    assert "第 1 步 为什么要选择客户" in page and "待批改" in page  # s2's step 1 waits
    assert "第 3 步 加权评分并排名</td><td class=\"num\">2 / 4" in page
    # s2: a 3/8 = 37.5 %, b 0/3 = 0 % → 18.75 % of assignments; no presentation scores;
    # final 0.6 × 18.75 = 11.25 → 11.3, provisional (step 1 is not graded yet)
    assert "18.8 %" in page and "<b>11.3</b>" in page and "（成绩暂定）" in page
    assert "<script" not in page
    assert page.count("展示成绩(%)") == 1  # the presentations' total, once

    book = load_workbook(paths["xlsx"])
    rows = list(book["各步掌握情况"].iter_rows(values_only=True))
    assert rows[0][:4] == ("作业", "步骤", "内容", "分值")
    assert rows[1][:3] == ("a", "第 1 步", "为什么要选择客户") and rows[1][-1] == "部分掌握"
    assert [row[-1] for row in rows[2:5]] == ["薄弱，需要再讲"] * 3
    assert "全班平均得分率 ≥ 80%" in rows[-1][0]
